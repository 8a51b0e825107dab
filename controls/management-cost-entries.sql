-- Control management-cap (cpf audit, docs/audit.md). For each year in scope, management costs
-- within the cap (reports/management-cap.sql).
-- This query: The entries of one year on the management-cost heading or its sub-accounts: the entries behind a breach. ?1 heading code, ?2 ?3 first and last day.

SELECT DISTINCT l.entry_seq FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id
WHERE (a.code = ?1 OR a.parent_id = (SELECT id FROM account WHERE code = ?1)) AND e.entry_date BETWEEN ?2 AND ?3 ORDER BY 1
