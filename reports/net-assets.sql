-- Net assets by restriction class (tài sản thuần theo mức độ hạn chế) over the report period
-- (period-totals.sql), read from the lines on revenue, expense and net-assets accounts: each
-- line carries the restriction its grant gave it (unrestricted, restricted, designated).
--
-- A class's net assets are its net credits on those accounts; over the whole life of the books
-- through a day, the three add up to assets minus liabilities in the trial balance.
SELECT t.restriction,
       sum(t.credit_vnd - t.debit_vnd) AS net_assets_vnd
FROM period_totals t
JOIN account a ON a.id = t.account_id
WHERE a.type IN ('revenue', 'expense', 'net-assets')
GROUP BY t.restriction
ORDER BY CASE t.restriction WHEN 'unrestricted' THEN 1 WHEN 'restricted' THEN 2 ELSE 3 END;
