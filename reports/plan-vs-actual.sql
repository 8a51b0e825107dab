-- Plan versus actual (kế hoạch và thực hiện) over the report period (period-totals.sql): the
-- plans of the period's years (table plan) against what was spent.
--
-- One row per plan: program ('' for all programs) and source (a funder kind; '' for all
-- sources), with the planned and the actual amount in dong. Actual spending is the net debits
-- of expense lines of that program (every program when ''), paid from that source (every
-- source when ''; a line's source is its funder's kind).
--
-- Parameters: :from_year, :to_year.
WITH plans AS (
    SELECT program_code, source, sum(amount_vnd) AS plan_vnd
    FROM plan
    WHERE year BETWEEN :from_year AND :to_year
    GROUP BY program_code, source
),
actual AS (
    SELECT coalesce(p.code, '') AS program_code, coalesce(f.kind, '') AS source, sum(t.debit_vnd - t.credit_vnd) AS amount_vnd
    FROM period_totals t
    JOIN account a ON a.id = t.account_id
    LEFT JOIN program p ON p.id = t.program_id
    LEFT JOIN funder f ON f.id = t.funder_id
    WHERE a.type = 'expense'
    GROUP BY 1, 2
)
SELECT pl.program_code,
       pl.source,
       pl.plan_vnd,
       (SELECT coalesce(sum(x.amount_vnd), 0) FROM actual x
        WHERE (pl.program_code = '' OR x.program_code = pl.program_code)
          AND (pl.source = '' OR x.source = pl.source)) AS actual_vnd
FROM plans pl
ORDER BY pl.program_code <> '', pl.source <> '', pl.program_code, pl.source;
