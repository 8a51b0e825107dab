-- Control reversals (cpf audit, docs/audit.md). A reversal points at an existing journal entry
-- that is not itself a reversal, no entry is reversed twice, and a reversal's lines mirror the
-- original's.
-- This query: Reversals whose lines do not cancel the original's.

SELECT r.seq, r.reverses_seq FROM entry r JOIN entry o ON o.seq = r.reverses_seq
WHERE EXISTS (
    SELECT account_id, coalesce(grant_id, 0), coalesce(program_id, 0), coalesce(unit_id, 0), coalesce(item_id, 0)
    FROM line WHERE entry_seq IN (r.seq, o.seq)
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(amount_vnd) <> 0 OR sum(coalesce(amount_foreign, 0)) <> 0 OR sum(coalesce(quantity, 0)) <> 0 OR sum(coalesce(children, 0)) <> 0)
ORDER BY r.seq
