-- Control foreign-rates (cpf audit, docs/audit.md). A line in a foreign currency carries its
-- rate, the rate's date and a source; a line on a foreign-currency account is in that currency.

SELECT l.entry_seq, l.line_no, a.code, a.currency, l.currency, l.rate, l.rate_date, l.rate_source
FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id
WHERE e.entry_date BETWEEN ?1 AND ?2
  AND ((l.currency IS NOT NULL AND (l.rate IS NULL OR l.rate_date IS NULL OR l.rate_source IS NULL OR trim(l.rate_source) = ''))
       OR (a.currency <> 'VND' AND (l.currency IS NULL OR l.currency <> a.currency)))
  -- A revaluation (and its reversal) moves a foreign account's dong value alone.
  AND NOT (l.currency IS NULL AND (coalesce(e.external_ref, '') GLOB 'REVAL-*' OR EXISTS (SELECT 1 FROM entry r WHERE r.seq = e.reverses_seq AND r.external_ref GLOB 'REVAL-*')))
ORDER BY l.entry_seq, l.line_no
