-- Control grant-overspending (cpf audit, docs/audit.md). Day by day, each grant's money
-- received plus exchange effect never falls below what was spent from it (the same definitions
-- as reports/grant-figures.sql, from the lines).

SELECT l.grant_id, g.code, e.entry_date,
       sum(CASE WHEN a.type = 'revenue' OR a.code = ?1 THEN -l.amount_vnd WHEN a.type = 'expense' THEN -l.amount_vnd ELSE 0 END),
       group_concat(DISTINCT CASE WHEN a.type = 'expense' AND l.amount_vnd > 0 THEN l.entry_seq END)
FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id JOIN "grant" g ON g.id = l.grant_id
WHERE l.grant_id IS NOT NULL AND e.entry_date <= ?2
GROUP BY l.grant_id, e.entry_date
ORDER BY l.grant_id, e.entry_date
