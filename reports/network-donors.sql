-- Consolidated books (cpf consolidate, docs/fund-network.md), one fund's part of "grants by
-- original funder" over the report period (period-totals.sql): per original donor — the
-- funder a line names, or for a spending line the funder of its grant — what the fund
-- received from the donor itself, what it received from the donor through another fund
-- (:transfer_in and below), what it passed on to another fund (:transfer_out and below), and
-- what it spent on its own programs and costs, in dong, with the child-instances reached.
-- Consolidation removes what was passed between the funds it adds together, so a donor's
-- money is counted once where it came in and once where it was spent.
--
-- Parameters: :transfer_in, :transfer_out (account codes).
--
-- The period's totals are first summed by account, funder and grant, so the registries are
-- looked up once per such sum rather than once per month and dimension.
WITH t AS (
    SELECT account_id, funder_id, grant_id,
           sum(credit_vnd - debit_vnd) AS credit_net,
           sum(children_net)           AS children
    FROM period_totals
    GROUP BY 1, 2, 3
)
SELECT coalesce(f.code, '')  AS funder,
       coalesce(f.name, '')  AS name,
       sum(CASE WHEN a.type = 'revenue' AND substr(a.code, 1, length(:transfer_in)) <> :transfer_in
                THEN t.credit_net ELSE 0 END) AS received_vnd,
       sum(CASE WHEN a.type = 'revenue' AND substr(a.code, 1, length(:transfer_in)) = :transfer_in
                THEN t.credit_net ELSE 0 END) AS received_through_vnd,
       sum(CASE WHEN a.type = 'expense' AND substr(a.code, 1, length(:transfer_out)) = :transfer_out
                THEN -t.credit_net ELSE 0 END) AS passed_on_vnd,
       sum(CASE WHEN a.type = 'expense' AND substr(a.code, 1, length(:transfer_out)) <> :transfer_out
                THEN -t.credit_net ELSE 0 END) AS spent_vnd,
       sum(CASE WHEN a.type = 'expense' THEN t.children ELSE 0 END) AS children
FROM t
JOIN account a ON a.id = t.account_id
LEFT JOIN "grant" g ON g.id = t.grant_id
LEFT JOIN funder f ON f.id = CASE WHEN t.funder_id <> 0 THEN t.funder_id ELSE g.funder_id END
WHERE a.type IN ('revenue', 'expense')
GROUP BY 1
ORDER BY 1;
