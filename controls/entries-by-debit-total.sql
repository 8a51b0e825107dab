-- Control maker-checker (cpf audit, docs/audit.md). Nobody approved their own entry; an
-- approved pending entry was posted as submitted and approved; and no entry at or above the
-- threshold in force when it was posted went in without approval (the threshold's history is in
-- the audit trail).
-- This query: Journal entries with their total debits and posting time, to find those at or above the threshold in force that went in without approval.

SELECT e.seq, e.posted_at, sum(CASE WHEN l.amount_vnd > 0 THEN l.amount_vnd ELSE 0 END)
FROM entry e JOIN line l ON l.entry_seq = e.seq
WHERE e.kind = 'journal' AND e.approved_by IS NULL AND e.reverses_seq IS NULL AND e.posted_at >= ?1 AND e.entry_date BETWEEN ?2 AND ?3
GROUP BY e.seq ORDER BY e.seq
