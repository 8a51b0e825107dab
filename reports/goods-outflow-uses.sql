-- Where the goods one entry handed out went: its spending lines (on expense accounts), with
-- program, place and child-instances. Donor statements attribute each lot's share of the
-- entry's goods to these lines (docs/goods-lots.md).
--
-- Parameter: :seq.
SELECT l.line_no,
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
WHERE l.entry_seq = :seq
  AND a.type = 'expense'
ORDER BY l.line_no;
