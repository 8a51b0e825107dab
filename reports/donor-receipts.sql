-- What one funder gave in a period (donor statement, part 1): every receipt line on a revenue
-- account naming the funder, with the amount in the funder's currency, the rate, its date and
-- source, and the dong booked.
--
-- Parameters: :funder_id, :from_date, :to_date (ISO dates).
SELECT e.seq,
       e.entry_date,
       e.external_ref,
       e.memo,
       coalesce(g.code, '')     AS grant_code,
       a.code                   AS account,
       -l.amount_vnd            AS amount_vnd,
       l.currency,
       -l.amount_foreign        AS amount_foreign,
       l.rate,
       l.rate_date,
       l.rate_source
FROM entry e
JOIN line l ON l.entry_seq = e.seq
JOIN account a ON a.id = l.account_id
LEFT JOIN "grant" g ON g.id = l.grant_id
WHERE e.entry_date BETWEEN :from_date AND :to_date
  AND l.funder_id = :funder_id
  AND a.type = 'revenue'
ORDER BY e.entry_date, e.seq, l.line_no;
