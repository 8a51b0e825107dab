-- Every movement of goods on the goods account through a date, in the order goods lots are
-- drawn (docs/goods-lots.md): by date, then entry, then line. A positive quantity brings units
-- in (a receipt in kind opens its donor's lot; a reversal returns what its original took); a
-- negative one takes them out. The goods lines are read through their own index (migration
-- 013), goods lines only, including those the current transaction has just written; the
-- entries they belong to are then looked up (CROSS JOIN keeps that order).
--
-- Parameters: :goods_account_id, :to_date (ISO date), :item_id (NULL: every item).
SELECT e.seq,
       e.entry_date,
       coalesce(e.reverses_seq, 0)  AS reverses_seq,
       l.line_no,
       l.item_id,
       l.quantity,
       l.amount_vnd,
       coalesce(l.funder_id, 0)     AS funder_id,
       coalesce(l.grant_id, 0)      AS grant_id,
       l.restriction
FROM line l
CROSS JOIN entry e ON e.seq = l.entry_seq
WHERE l.item_id BETWEEN coalesce(:item_id, -9223372036854775808) AND coalesce(:item_id, 9223372036854775807)
  AND l.account_id = :goods_account_id
  AND e.entry_date <= :to_date
ORDER BY e.entry_date, e.seq, l.line_no;
