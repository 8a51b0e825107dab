-- Control sub-ledgers (cpf audit, docs/audit.md). The goods sub-ledger (by item) adds up to the
-- goods account, every goods line names an item, and an item with nothing on hand carries no
-- value; the grants sub-ledger: every line of a grant names the grant's funder and carries the
-- grant's restriction.
-- This query: Lines on the goods account that name no goods item.

SELECT a.code, count(*), group_concat(DISTINCT l.entry_seq)
FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id
WHERE l.item_id IS NULL AND (a.code = ?1 OR a.parent_id = (SELECT id FROM account WHERE code = ?1)) AND e.entry_date BETWEEN ?2 AND ?3
GROUP BY a.code
