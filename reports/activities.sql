-- Statement of receipts and uses (báo cáo thu, chi) over the report period (period-totals.sql).
--
-- One row per revenue or expense account, funding source (the funder's kind; '' when the line
-- names no funder), program ('' when none; receipts are not split by program) and restriction
-- class, with the net amount in dong (revenue: credits − debits; expenses: debits − credits)
-- and the child-instances reached.
-- The exchange-difference account (:fx_account) is listed as well: realized gains and losses.
SELECT a.type,
       a.code,
       a.name_en,
       a.name_vi,
       coalesce(f.kind, '')  AS source,
       CASE WHEN a.type = 'revenue' THEN '' ELSE coalesce(p.code, '') END AS program,
       t.restriction,
       sum(CASE WHEN a.type = 'expense' THEN t.debit_vnd - t.credit_vnd ELSE t.credit_vnd - t.debit_vnd END) AS amount_vnd,
       sum(t.children_net)   AS children
FROM period_totals t
JOIN account a ON a.id = t.account_id
LEFT JOIN funder f ON f.id = t.funder_id
LEFT JOIN program p ON p.id = t.program_id
WHERE a.type IN ('revenue', 'expense') OR a.code = :fx_account
GROUP BY a.type, a.code, source, program, t.restriction
HAVING amount_vnd <> 0 OR children <> 0
ORDER BY a.type DESC, a.code, source, program, t.restriction;
