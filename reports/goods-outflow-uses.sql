-- Where the goods each entry handed out went: the spending lines (on expense accounts) of every
-- entry with a goods line that takes units out, with program, place and child-instances, by
-- entry and line. Donor statements attribute each lot's share of an entry's goods to these
-- lines (docs/goods-lots.md). The entries are found through the goods lines' index (013).
--
-- Parameter: :goods_account_id.
SELECT l.entry_seq,
       l.line_no,
       l.amount_vnd,
       coalesce(p.code, '')            AS program,
       coalesce(p.name_en, a.name_en)  AS program_en,
       coalesce(p.name_vi, a.name_vi)  AS program_vi,
       coalesce(u.code, '')            AS unit,
       coalesce(u.name, '')            AS unit_name,
       coalesce(l.children, 0)         AS children,
       l.funder_id IS NOT NULL OR l.grant_id IS NOT NULL AS names_donor
FROM line l
JOIN account a ON a.id = l.account_id
LEFT JOIN program p ON p.id = l.program_id
LEFT JOIN org_unit u ON u.id = l.unit_id
WHERE l.entry_seq IN (SELECT g.entry_seq FROM line g
                      WHERE g.item_id IS NOT NULL AND g.account_id = :goods_account_id AND g.quantity < 0)
  AND a.type = 'expense'
ORDER BY l.entry_seq, l.line_no;
