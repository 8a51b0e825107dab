-- Cash and bank (codes 111…, 112…, 113…) in dong at the end of :through_day (yyyymmdd): the
-- opening and closing balances of the statement of cash flows (cash-flow.sql).
--
-- From the maintained totals, as the trial balance reads them (trial-balance.sql): every whole
-- month before the month of :through_day, plus the days of that month up to :through_day.
-- `cpf verify` proves those totals equal the sums of the journal lines.
WITH cash AS (
    SELECT id FROM account
    WHERE type = 'asset' AND (code LIKE '111%' OR code LIKE '112%' OR code LIKE '113%')
),
totals AS (
    SELECT debit_vnd - credit_vnd AS net_vnd
    FROM balance_month
    WHERE month_key < :through_day / 100 AND account_id IN (SELECT id FROM cash)
    UNION ALL
    SELECT debit_vnd - credit_vnd
    FROM balance_day
    WHERE day_key > (:through_day / 100) * 100 AND day_key <= :through_day AND account_id IN (SELECT id FROM cash)
)
SELECT coalesce(sum(net_vnd), 0) FROM totals;
