-- Beneficiary reach (số lượt trẻ em được hỗ trợ) over the report period (period-totals.sql):
-- child-instances on spending lines, and the dong spent, grouped as asked.
--
-- Parameters: :by_program, :by_unit (1 to group by it, 0 not), :by_period ('month', 'quarter',
-- 'year' or '' for the whole period). A child helped once counts one child-instance; a
-- reversal subtracts what it reverses.
--
-- The period's totals are first summed by account, program, unit and period as asked, so the
-- registries are looked up once per such sum rather than once per month and dimension.
WITH t AS (
    SELECT account_id,
           CASE WHEN :by_program THEN program_id ELSE 0 END AS program_id,
           CASE WHEN :by_unit THEN unit_id ELSE 0 END AS unit_id,
           CASE :by_period
             WHEN 'month'   THEN month_key
             WHEN 'quarter' THEN (month_key / 100) * 10 + ((month_key % 100) + 2) / 3
             WHEN 'year'    THEN month_key / 100
             ELSE 0 END AS period,
           sum(children_net) AS children, sum(debit_vnd - credit_vnd) AS spent
    FROM period_totals
    GROUP BY 1, 2, 3, 4
)
SELECT coalesce(p.code, '') AS program, coalesce(p.name_en, '') AS program_en, coalesce(p.name_vi, '') AS program_vi,
       coalesce(u.code, '') AS unit, coalesce(u.name, '') AS unit_name, t.period,
       sum(t.children) AS children, sum(t.spent) AS spent_vnd
FROM t
JOIN account a ON a.id = t.account_id
LEFT JOIN program p ON p.id = t.program_id
LEFT JOIN org_unit u ON u.id = t.unit_id
WHERE a.type = 'expense'
GROUP BY 1, 4, 6
HAVING children <> 0 OR spent_vnd <> 0
ORDER BY period, program, unit;
