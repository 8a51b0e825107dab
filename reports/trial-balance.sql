-- Trial balance (Bảng cân đối tài khoản) as of a date.
--
-- Parameter :through_day — the last day included, written yyyymmdd (e.g. 20181231).
--
-- The figures come from the maintained totals (ledger-schema/004_balances.sql): every whole
-- month before the month of :through_day, plus the days of that month up to :through_day.
-- Each post updates those totals in its own transaction, and `cpf verify` proves they equal
-- the sums of the journal lines. Amounts are in dong; foreign_net is the balance in the
-- account's own currency (zero for dong accounts). Only accounts with activity are listed.
WITH totals AS (
    SELECT account_id, debit_vnd, credit_vnd, foreign_net
    FROM balance_month
    WHERE month_key < :through_day / 100
    UNION ALL
    SELECT account_id, debit_vnd, credit_vnd, foreign_net
    FROM balance_day
    WHERE day_key > (:through_day / 100) * 100 AND day_key <= :through_day
)
SELECT a.code,
       a.name_vi,
       a.name_en,
       a.type,
       a.currency,
       sum(t.debit_vnd)   AS debit_vnd,
       sum(t.credit_vnd)  AS credit_vnd,
       sum(t.foreign_net) AS foreign_net
FROM totals t
JOIN account a ON a.id = t.account_id
GROUP BY a.id
ORDER BY a.code;
