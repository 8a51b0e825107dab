-- Control entries-balance (cpf audit, docs/audit.md). Every journal entry has two or more lines
-- summing to zero; a period record has none; no line belongs to a missing entry.
-- This query: Journal entries with fewer than two lines or lines that do not sum to zero, and period records with lines.

SELECT e.seq, e.kind, count(l.line_no), coalesce(sum(l.amount_vnd), 0)
FROM entry e LEFT JOIN line l ON l.entry_seq = e.seq
WHERE e.entry_date BETWEEN ?1 AND ?2
GROUP BY e.seq
HAVING (e.kind = 'journal' AND (count(l.line_no) < 2 OR coalesce(sum(l.amount_vnd), 0) <> 0))
    OR (e.kind <> 'journal' AND count(l.line_no) > 0)
ORDER BY e.seq
