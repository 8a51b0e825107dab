-- Control negative-balances (cpf audit, docs/audit.md). Cash (111…) and bank (112…) accounts,
-- in dong and in their own currency, and each goods item's quantity and value, at the end of
-- every day: none is ever negative.
-- This query: Each goods item's daily movements in quantity and value.

SELECT l.item_id, coalesce(i.code, '#' || l.item_id), e.entry_date, sum(l.quantity), sum(l.amount_vnd), group_concat(DISTINCT l.entry_seq)
FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id LEFT JOIN goods_item i ON i.id = l.item_id
WHERE l.item_id IS NOT NULL AND (a.code = ?1 OR a.parent_id = (SELECT id FROM account WHERE code = ?1))
GROUP BY l.item_id, e.entry_date
ORDER BY l.item_id, e.entry_date
