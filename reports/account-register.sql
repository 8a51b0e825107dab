-- Account register (sổ chi tiết tài khoản): every line of one account dated in a period, in
-- date order, with the running balance in dong (debit positive) starting from the opening
-- balance, which the program reads from the trial balance of the day before :from_date.
--
-- Parameters: :account_id, :from_date, :to_date (ISO dates), :opening_vnd, :opening_foreign.
SELECT e.seq,
       e.entry_date,
       e.memo,
       e.external_ref,
       l.line_no,
       l.amount_vnd,
       l.currency,
       l.amount_foreign,
       l.rate,
       l.rate_source,
       :opening_vnd + sum(l.amount_vnd) OVER running                    AS balance_vnd,
       :opening_foreign + sum(coalesce(l.amount_foreign, 0)) OVER running AS balance_foreign
FROM entry e
JOIN line l ON l.entry_seq = e.seq
WHERE e.entry_date BETWEEN :from_date AND :to_date
  AND l.account_id = :account_id
WINDOW running AS (ORDER BY e.entry_date, e.seq, l.line_no ROWS UNBOUNDED PRECEDING)
ORDER BY e.entry_date, e.seq, l.line_no;
