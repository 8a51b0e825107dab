-- Where one funder's money went in the report period (donor statement, part 3): spending
-- lines that name the funder — directly or through one of its grants — by program and org
-- unit, in dong, with the child-instances reached.
--
-- Parameter: :funder_id.
SELECT coalesce(p.code, '')     AS program,
       coalesce(p.name_en, a.name_en) AS program_en,
       coalesce(p.name_vi, a.name_vi) AS program_vi,
       coalesce(u.code, '')     AS unit,
       coalesce(u.name, '')     AS unit_name,
       sum(t.debit_vnd - t.credit_vnd) AS spent_vnd,
       sum(t.children_net)      AS children
FROM period_totals t
JOIN account a ON a.id = t.account_id
LEFT JOIN program p ON p.id = t.program_id
LEFT JOIN org_unit u ON u.id = t.unit_id
WHERE t.funder_id = :funder_id
  AND a.type = 'expense'
GROUP BY t.program_id, t.unit_id, CASE WHEN t.program_id = 0 THEN a.id END
HAVING spent_vnd <> 0 OR children <> 0
ORDER BY spent_vnd DESC, program, unit;
