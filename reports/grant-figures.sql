-- Grant figures: what each grant has received, spent and gained or lost on exchange, and the
-- child-instances its spending reached, over a period (usually from the start of the books
-- through a day).
--
-- Parameters:
--   :whole_from, :whole_to     whole months read from the maintained totals (yyyymm)
--   :head_from…:head_to, :tail_from…:tail_to
--                              days of partly covered months, read from the lines (ISO dates)
--                              (Sources/FundLedger/Reports/PeriodSpans.swift)
--   :grant_from, :grant_to     the range of grant ids (one grant: its id twice)
--   :fx_account                the exchange-difference account (setting fx-difference-account, 413)
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
WITH totals AS (
    SELECT grant_id, account_id, currency, debit_vnd, credit_vnd, foreign_net, children_net
    FROM dimension_month
    WHERE month_key BETWEEN :whole_from AND :whole_to
      AND grant_id BETWEEN :grant_from AND :grant_to AND grant_id <> 0
    UNION ALL
    SELECT l.grant_id, l.account_id, coalesce(l.currency, ''),
           max(l.amount_vnd, 0), max(-l.amount_vnd, 0), coalesce(l.amount_foreign, 0), coalesce(l.children, 0)
    FROM entry e
    JOIN line l ON l.entry_seq = e.seq
    WHERE (e.entry_date BETWEEN :head_from AND :head_to OR e.entry_date BETWEEN :tail_from AND :tail_to)
      AND l.grant_id BETWEEN :grant_from AND :grant_to
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
