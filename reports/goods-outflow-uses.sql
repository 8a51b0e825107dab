-- Where the goods each entry handed out went: the spending lines (on expense accounts) of every
-- entry with a goods line that takes units out, with account, program, place (0 for none) and
-- child-instances, by entry and line. The goods lots are shared among these lines
-- (docs/goods-lots.md) when `goods_use` is filled for books written before it (migration 014).
-- The entries are found through the goods lines' index (013).
--
-- Parameter: :goods_account_id.
SELECT l.entry_seq,
       l.line_no,
       l.account_id,
       l.amount_vnd,
       coalesce(l.program_id, 0)       AS program_id,
       coalesce(l.unit_id, 0)          AS unit_id,
       coalesce(l.children, 0)         AS children,
       l.funder_id IS NOT NULL OR l.grant_id IS NOT NULL AS names_donor
FROM line l
JOIN account a ON a.id = l.account_id
WHERE l.entry_seq IN (SELECT g.entry_seq FROM line g
                      WHERE g.item_id IS NOT NULL AND g.account_id = :goods_account_id AND g.quantity < 0)
  AND a.type = 'expense'
ORDER BY l.entry_seq, l.line_no;
