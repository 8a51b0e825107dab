-- Control maker-checker (cpf audit, docs/audit.md). Nobody approved their own entry; an
-- approved pending entry was posted as submitted and approved; and no entry at or above the
-- threshold in force when it was posted went in without approval (the threshold's history is in
-- the audit trail).
-- This query: Pending entries marked approved, with the entry they became.

SELECT p.id, p.entry_seq, e.seq, e.posted_by, e.approved_by, p.submitted_by, p.decided_by
FROM pending_entry p LEFT JOIN entry e ON e.seq = p.entry_seq WHERE p.status = 'approved'
  AND (e.seq IS NULL OR e.posted_by IS NOT p.submitted_by OR e.approved_by IS NOT p.decided_by OR p.submitted_by = p.decided_by)
