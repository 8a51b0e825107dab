-- Control sub-ledgers (cpf audit, docs/audit.md). The goods sub-ledger (by item) adds up to the
-- goods account, every goods line names an item, and an item with nothing on hand carries no
-- value; the grants sub-ledger: every line of a grant names the grant's funder and carries the
-- grant's restriction.
-- This query: Lines charged to a grant, to check they name the grant's funder and carry its restriction.

SELECT l.entry_seq, l.line_no, e.entry_date, l.grant_id, l.funder_id, l.restriction
FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN "grant" g ON g.id = l.grant_id
WHERE l.grant_id IS NOT NULL AND e.entry_date BETWEEN ?1 AND ?2
  AND (l.funder_id IS NOT g.funder_id OR l.restriction = 'unrestricted' AND EXISTS (
         SELECT 1 FROM grant_terms t WHERE t.grant_id = g.id AND (t.designated = 1 OR EXISTS (SELECT 1 FROM grant_terms_program p WHERE p.grant_id = t.grant_id AND p.version = t.version)
                                                                                OR EXISTS (SELECT 1 FROM grant_terms_unit u WHERE u.grant_id = t.grant_id AND u.version = t.version))))
ORDER BY l.entry_seq
