-- Management-cost cap (chi phí quản lý) over the report period (period-totals.sql), as docs/domain.md
-- §2 states the rule: management costs may not exceed 10 % of the year's revenue, counting
-- neither designated support, nor in-kind aid, nor state-budget support.
--
-- Each revenue line falls in the first class that applies: state budget (its funder is the
-- central or local budget), in kind (credited to :in_kind_account), designated (restriction
-- 'designated'), else qualifying. Management costs are the net debits of :management_account
-- and every account under it. The cap (qualifying × percent, rounded half-even) is worked out
-- by the program from these figures.
WITH RECURSIVE management(id) AS (
    SELECT id FROM account WHERE code = :management_account
    UNION
    SELECT a.id FROM account a JOIN management m ON a.parent_id = m.id
),
revenue AS (
    SELECT CASE
               WHEN f.kind IN ('government-central', 'government-local') THEN 'state-budget'
               WHEN a.code = :in_kind_account THEN 'in-kind'
               WHEN t.restriction = 'designated' THEN 'designated'
               ELSE 'qualifying'
           END AS class,
           t.credit_vnd - t.debit_vnd AS amount_vnd
    FROM period_totals t
    JOIN account a ON a.id = t.account_id
    LEFT JOIN funder f ON f.id = t.funder_id
    WHERE a.type = 'revenue'
)
SELECT coalesce(sum(amount_vnd), 0)                                              AS revenue_vnd,
       coalesce(sum(CASE WHEN class = 'state-budget' THEN amount_vnd END), 0)       AS state_budget_vnd,
       coalesce(sum(CASE WHEN class = 'in-kind' THEN amount_vnd END), 0)            AS in_kind_vnd,
       coalesce(sum(CASE WHEN class = 'designated' THEN amount_vnd END), 0)         AS designated_vnd,
       coalesce(sum(CASE WHEN class = 'qualifying' THEN amount_vnd END), 0)         AS qualifying_vnd,
       (SELECT coalesce(sum(t.debit_vnd - t.credit_vnd), 0) FROM period_totals t
         WHERE t.account_id IN (SELECT id FROM management))                        AS management_vnd
FROM revenue;
