-- Grant figures: what each grant has received, spent and gained or lost on exchange, and the
-- child-instances its spending reached, over the report period (the `report_period` row of
-- period-totals.sql; usually from the start of the books through a day).
--
-- Parameters:
--   :grant_from, :grant_to   the range of grant ids (one grant: its id twice; all: 1 and the largest)
--   :fx_account              the exchange-difference account (setting fx-difference-account, 413)
--
-- Definitions (the posting rules in Sources/FundLedger/Funding/FundingState.swift add lines the
-- same way):
--   received     = net credits of the grant's lines on revenue accounts, in dong, and in the
--                  grant's currency from the lines that carry that currency;
--   spent        = net debits of the grant's lines on expense accounts, in dong, and in the
--                  grant's currency from the lines paid in that currency (money that moved in it);
--   fx effect    = net credits of the grant's lines on the exchange-difference account
--                  (realized gains positive, losses negative);
--   available    = received + fx effect − spent (computed by the caller);
--   children     = child-instances on the grant's expense lines.
-- A grant without lines in the period has no row (all its figures are zero).
--
-- The two arms are those of the period_totals view, with the grant range applied inside each
-- so that one grant's figures are read through the covering index dimension_month_grant
-- (ledger-schema/008): posting rules read them for every grant an entry names (the view would
-- be materialized whole).
-- The months are summed per grant, account and currency first, so the join below meets a few
-- thousand rows rather than every month's.
WITH t AS (
    SELECT d.account_id, d.grant_id, d.currency, sum(d.debit_vnd) AS debit_vnd, sum(d.credit_vnd) AS credit_vnd,
           sum(d.foreign_net) AS foreign_net, sum(d.children_net) AS children_net
    FROM report_period p
    JOIN dimension_month d ON d.month_key BETWEEN p.whole_from AND p.whole_to
    WHERE d.grant_id <> 0 AND d.grant_id BETWEEN :grant_from AND :grant_to
    GROUP BY d.grant_id, d.account_id, d.currency
    UNION ALL
    SELECT l.account_id, l.grant_id, coalesce(l.currency, ''), max(l.amount_vnd, 0), max(-l.amount_vnd, 0),
           coalesce(l.amount_foreign, 0), coalesce(l.children, 0)
    FROM report_period p
    JOIN entry e ON e.entry_date BETWEEN p.head_from AND p.head_to OR e.entry_date BETWEEN p.tail_from AND p.tail_to
    JOIN line l ON l.entry_seq = e.seq
    WHERE l.grant_id BETWEEN :grant_from AND :grant_to
)
SELECT g.id,
       coalesce(sum(CASE WHEN a.type = 'revenue' THEN t.credit_vnd - t.debit_vnd END), 0)              AS received_vnd,
       coalesce(sum(CASE WHEN a.type = 'revenue' AND t.currency = g.currency THEN -t.foreign_net END), 0) AS received_foreign,
       coalesce(sum(CASE WHEN a.type = 'expense' THEN t.debit_vnd - t.credit_vnd END), 0)              AS spent_vnd,
       coalesce(sum(CASE WHEN a.type = 'expense' AND t.currency = g.currency THEN t.foreign_net END), 0) AS spent_foreign,
       coalesce(sum(CASE WHEN a.code = :fx_account THEN t.credit_vnd - t.debit_vnd END), 0)            AS fx_effect_vnd,
       coalesce(sum(CASE WHEN a.type = 'expense' THEN t.children_net END), 0)                          AS children
FROM t
JOIN "grant" g ON g.id = t.grant_id
JOIN account a ON a.id = t.account_id
GROUP BY g.id;
