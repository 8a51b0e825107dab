-- Grant figures: what each grant has received, spent and gained or lost on exchange, and the
-- child-instances its spending reached, over the report period (period-totals.sql; usually
-- from the start of the books through a day).
--
-- Parameters:
--   :grant_from, :grant_to   the range of grant ids (one grant: its id twice; all: 1 and the largest)
--   :fx_account              the exchange-difference account (setting fx-difference-account, 413)
--
-- Definitions (the posting rules in Sources/FundLedger/Funding/FundingState.swift add lines the
-- same way):
--   received     = net credits of the grant's lines on revenue accounts, in dong, and in the
--                  grant's currency from the lines that carry that currency;
--   spent        = net debits of the grant's lines on expense accounts, in dong;
--   fx effect    = net credits of the grant's lines on the exchange-difference account
--                  (realized gains positive, losses negative);
--   available    = received + fx effect − spent (computed by the caller);
--   children     = child-instances on the grant's expense lines.
SELECT g.id,
       coalesce(sum(CASE WHEN a.type = 'revenue' THEN t.credit_vnd - t.debit_vnd END), 0)              AS received_vnd,
       coalesce(sum(CASE WHEN a.type = 'revenue' AND t.currency = g.currency THEN -t.foreign_net END), 0) AS received_foreign,
       coalesce(sum(CASE WHEN a.type = 'expense' THEN t.debit_vnd - t.credit_vnd END), 0)              AS spent_vnd,
       coalesce(sum(CASE WHEN a.code = :fx_account THEN t.credit_vnd - t.debit_vnd END), 0)            AS fx_effect_vnd,
       coalesce(sum(CASE WHEN a.type = 'expense' THEN t.children_net END), 0)                          AS children
FROM "grant" g
LEFT JOIN period_totals t ON t.grant_id = g.id
LEFT JOIN account a ON a.id = t.account_id
WHERE g.id BETWEEN :grant_from AND :grant_to
GROUP BY g.id
ORDER BY g.code;
