-- Control negative-balances (cpf audit, docs/audit.md). Cash (111…) and bank (112…) accounts,
-- in dong and in their own currency, and each goods item's quantity and value, at the end of
-- every day: none is ever negative.
-- This query: Cash and bank accounts' daily movements in dong and in their own currency.

SELECT l.account_id, a.code, e.entry_date, sum(l.amount_vnd), sum(coalesce(l.amount_foreign, 0)), group_concat(DISTINCT l.entry_seq), a.currency
FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id
WHERE a.type = 'asset' AND (a.code LIKE '111%' OR a.code LIKE '112%')
GROUP BY l.account_id, e.entry_date
ORDER BY l.account_id, e.entry_date
