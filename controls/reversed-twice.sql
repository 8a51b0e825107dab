-- Control reversals (cpf audit, docs/audit.md). A reversal points at an existing journal entry
-- that is not itself a reversal, no entry is reversed twice, and a reversal's lines mirror the
-- original's.
-- This query: Entries reversed more than once.

SELECT reverses_seq, group_concat(seq) FROM entry WHERE reverses_seq IS NOT NULL GROUP BY reverses_seq HAVING count(*) > 1
