-- Control restricted-purposes (cpf audit, docs/audit.md). Every spending line charged to
-- restricted or designated money meets its grant's terms in force on its date (programs, places
-- and the units within them, dates, no management costs, grant active) — the rules `cpf
-- disburse` and `cpf post` apply, re-applied to what is stored.

SELECT l.entry_seq, l.line_no, e.entry_date, l.account_id, l.amount_vnd, l.grant_id, l.program_id, l.unit_id, l.restriction
FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id
WHERE l.grant_id IS NOT NULL AND a.type = 'expense' AND l.amount_vnd > 0 AND e.entry_date BETWEEN ?1 AND ?2
ORDER BY l.entry_seq, l.line_no
