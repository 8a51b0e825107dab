-- Consolidated books (cpf consolidate, docs/fund-network.md): the transfers a fund sent and
-- received, each with its notice (the JSON the sending fund wrote, as received) and the date
-- of the fund's own entry, so the notices of several ledgers can be matched.
SELECT t.direction, f.code, t.entry_seq, e.entry_date, t.notice
FROM transfer t
JOIN fund f ON f.id = t.fund_id
JOIN entry e ON e.seq = t.entry_seq
ORDER BY t.entry_seq;
