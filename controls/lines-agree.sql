-- Control lines-agree (cpf audit, docs/audit.md). Lines agree with their accounts, as posting
-- requires (docs/posting-rules.md, step 7): a cash or bank account carries only its own
-- currency, and a program on an expense line is one whose expense account that is. Books
-- written before the rule may break it.

SELECT l.entry_seq, l.line_no, e.entry_date, a.id, a.code, a.type, a.currency, coalesce(l.currency, 'VND'), l.program_id
FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id
WHERE e.entry_date BETWEEN ?1 AND ?2
  AND ((a.type = 'expense' AND l.program_id IS NOT NULL)
       OR (a.type = 'asset' AND (a.code LIKE '111%' OR a.code LIKE '112%' OR a.code LIKE '113%')
           AND coalesce(l.currency, 'VND') <> a.currency
           AND NOT (l.currency IS NULL AND (coalesce(e.external_ref, '') GLOB 'REVAL-*' OR EXISTS (SELECT 1 FROM entry r WHERE r.seq = e.reverses_seq AND r.external_ref GLOB 'REVAL-*')))))
ORDER BY l.entry_seq, l.line_no
