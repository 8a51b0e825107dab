-- Public disclosure, uses (công khai việc sử dụng) over the report period (period-totals.sql):
-- spending by program (management costs and other expenses by account), in dong, with the
-- child-instances reached.
SELECT coalesce(p.code, a.code)        AS program,
       coalesce(p.name_en, a.name_en)  AS name_en,
       coalesce(p.name_vi, a.name_vi)  AS name_vi,
       sum(t.debit_vnd - t.credit_vnd) AS spent_vnd,
       sum(t.children_net)             AS children
FROM period_totals t
JOIN account a ON a.id = t.account_id
LEFT JOIN program p ON p.id = t.program_id
WHERE a.type = 'expense'
GROUP BY t.program_id, CASE WHEN t.program_id = 0 THEN a.id END
HAVING spent_vnd <> 0 OR children <> 0
ORDER BY spent_vnd DESC;
