-- Beneficiary reach (số lượt trẻ em được hỗ trợ) over the report period (period-totals.sql):
-- child-instances on spending lines, and the dong spent, grouped as asked.
--
-- Parameters: :by_program, :by_unit (1 to group by it, 0 not), :by_period ('month', 'quarter',
-- 'year' or '' for the whole period). A child helped once counts one child-instance; a
-- reversal subtracts what it reverses.
SELECT CASE WHEN :by_program THEN coalesce(p.code, '') ELSE '' END          AS program,
       CASE WHEN :by_program THEN coalesce(p.name_en, '') ELSE '' END       AS program_en,
       CASE WHEN :by_program THEN coalesce(p.name_vi, '') ELSE '' END       AS program_vi,
       CASE WHEN :by_unit THEN coalesce(u.code, '') ELSE '' END             AS unit,
       CASE WHEN :by_unit THEN coalesce(u.name, '') ELSE '' END             AS unit_name,
       CASE :by_period
           WHEN 'month'   THEN t.month_key
           WHEN 'quarter' THEN (t.month_key / 100) * 10 + ((t.month_key % 100) + 2) / 3
           WHEN 'year'    THEN t.month_key / 100
           ELSE 0 END                                                       AS period,
       sum(t.children_net)                                                  AS children,
       sum(t.debit_vnd - t.credit_vnd)                                      AS spent_vnd
FROM period_totals t
JOIN account a ON a.id = t.account_id
LEFT JOIN program p ON p.id = t.program_id
LEFT JOIN org_unit u ON u.id = t.unit_id
WHERE a.type = 'expense'
GROUP BY 1, 4, 6
HAVING children <> 0 OR spent_vnd <> 0
ORDER BY period, program, unit;
