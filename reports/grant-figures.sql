-- Grant figures: what each grant has received, spent and gained or lost on exchange, and the
-- child-instances its spending reached, through a day.
--
-- Parameters:
--   :through_day          the last day included, yyyymmdd
--   :grant_from, :grant_to  the range of grant ids (one grant: both its id; all: 1 and the largest)
--   :fx_account           the code of the exchange-difference account (setting fx-difference-account, 413)
--
-- Definitions (the posting rules in Sources/FundLedger/Funding/FundingState.swift use the same):
--   received     = net credits of the grant's lines on revenue accounts, in dong, and in the
--                  grant's currency from the lines that carry that currency;
--   spent        = net debits of the grant's lines on expense accounts, in dong;
--   fx effect    = net credits of the grant's lines on the exchange-difference account
--                  (realized gains positive, losses negative);
--   available    = received + fx effect − spent (computed by the caller);
--   children     = child-instances on the grant's expense lines.
-- Figures come from the maintained totals (ledger-schema/006_funding.sql): whole months before
-- the month of :through_day, plus its days up to :through_day.
WITH totals AS (
    SELECT grant_id, account_id, currency, debit_vnd, credit_vnd, foreign_net, children_net
    FROM dimension_month
    WHERE grant_id BETWEEN :grant_from AND :grant_to AND grant_id <> 0 AND month_key < :through_day / 100
    UNION ALL
    SELECT grant_id, account_id, currency, debit_vnd, credit_vnd, foreign_net, children_net
    FROM dimension_day
    WHERE grant_id BETWEEN :grant_from AND :grant_to AND grant_id <> 0
      AND day_key > (:through_day / 100) * 100 AND day_key <= :through_day
)
SELECT g.id,
       coalesce(sum(CASE WHEN a.type = 'revenue' THEN t.credit_vnd - t.debit_vnd END), 0)              AS received_vnd,
       coalesce(sum(CASE WHEN a.type = 'revenue' AND t.currency = g.currency THEN -t.foreign_net END), 0) AS received_foreign,
       coalesce(sum(CASE WHEN a.type = 'expense' THEN t.debit_vnd - t.credit_vnd END), 0)              AS spent_vnd,
       coalesce(sum(CASE WHEN a.code = :fx_account THEN t.credit_vnd - t.debit_vnd END), 0)            AS fx_effect_vnd,
       coalesce(sum(CASE WHEN a.type = 'expense' THEN t.children_net END), 0)                          AS children
FROM "grant" g
LEFT JOIN totals t ON t.grant_id = g.id
LEFT JOIN account a ON a.id = t.account_id
WHERE g.id BETWEEN :grant_from AND :grant_to
GROUP BY g.id
ORDER BY g.code;
