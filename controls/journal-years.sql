-- Control management-cap (cpf audit, docs/audit.md). For each year in scope, management costs
-- within the cap (reports/management-cap.sql).
-- This query: The years that have journal entries (the cap is checked for each).

SELECT DISTINCT CAST(substr(entry_date, 1, 4) AS INTEGER) FROM entry WHERE kind = 'journal' ORDER BY 1
