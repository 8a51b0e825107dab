-- Control sub-ledgers (cpf audit, docs/audit.md). The goods sub-ledger (by item) adds up to the
-- goods account, every goods line names an item, and an item with nothing on hand carries no
-- value; the grants sub-ledger: every line of a grant names the grant's funder and carries the
-- grant's restriction.
-- This query: Goods items with nothing on hand that still carry value.

SELECT coalesce(i.code, '#' || l.item_id), sum(l.quantity), sum(l.amount_vnd)
FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id LEFT JOIN goods_item i ON i.id = l.item_id
WHERE l.item_id IS NOT NULL AND (a.code = ?1 OR a.parent_id = (SELECT id FROM account WHERE code = ?1)) AND e.entry_date <= ?2
GROUP BY l.item_id HAVING sum(l.quantity) = 0 AND sum(l.amount_vnd) <> 0
