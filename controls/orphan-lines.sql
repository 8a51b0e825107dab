-- Control entries-balance (cpf audit, docs/audit.md). Every journal entry has two or more lines
-- summing to zero; a period record has none; no line belongs to a missing entry.
-- This query: Lines whose entry does not exist.

SELECT DISTINCT entry_seq FROM line WHERE entry_seq NOT IN (SELECT seq FROM entry) ORDER BY entry_seq
