-- Cash and bank (codes 111…, 112…, 113…) in dong at the end of :through: the opening and
-- closing balances of the statement of cash flows (cash-flow.sql).
SELECT coalesce(sum(l.amount_vnd), 0)
FROM line l
JOIN entry e ON e.seq = l.entry_seq
JOIN account a ON a.id = l.account_id
WHERE a.type = 'asset' AND (a.code LIKE '111%' OR a.code LIKE '112%' OR a.code LIKE '113%') AND e.entry_date <= :through;
