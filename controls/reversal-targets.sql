-- Control reversals (cpf audit, docs/audit.md). A reversal points at an existing journal entry
-- that is not itself a reversal, no entry is reversed twice, and a reversal's lines mirror the
-- original's.
-- This query: Every reversal with the entry it points at.

SELECT r.seq, r.reverses_seq, o.seq, o.kind, o.reverses_seq, r.entry_date < o.entry_date
FROM entry r LEFT JOIN entry o ON o.seq = r.reverses_seq WHERE r.reverses_seq IS NOT NULL ORDER BY r.seq
