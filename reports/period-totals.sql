-- The journal's totals over a report period, by month and by every dimension.
--
-- Most reports read `period_totals` instead of the journal lines. The period is the single
-- row of `report_period`, which the program fills before running a report
-- (Sources/FundLedger/Reports/PeriodSpans.swift):
--   whole_from, whole_to   the months the period covers completely (yyyymm), read from the
--                          totals maintained with every post (ledger-schema/006_funding.sql);
--   head_from…head_to,     the days of the months the period covers only partly (ISO dates),
--   tail_from…tail_to      read from the lines themselves; an empty span runs from
--                          9999-12-31 to 0000-01-01.
-- So a figure for a period is always the sum of exactly the lines dated in it; `cpf verify`
-- proves the maintained totals equal the lines.
--
-- Columns: month_key, account_id, funder_id, grant_id, program_id, unit_id, item_id (0 when
-- the line has none), restriction, currency ('' for dong), debit_vnd, credit_vnd (both ≥ 0),
-- foreign_net, quantity_net, children_net (signed like the amounts).
CREATE TEMP TABLE IF NOT EXISTS report_period (
    whole_from  INTEGER NOT NULL,
    whole_to    INTEGER NOT NULL,
    head_from   TEXT NOT NULL,
    head_to     TEXT NOT NULL,
    tail_from   TEXT NOT NULL,
    tail_to     TEXT NOT NULL
);

CREATE TEMP VIEW IF NOT EXISTS period_totals AS
SELECT d.month_key, d.account_id, d.funder_id, d.grant_id, d.program_id, d.unit_id, d.item_id, d.restriction, d.currency,
       d.debit_vnd, d.credit_vnd, d.foreign_net, d.quantity_net, d.children_net
FROM report_period p
JOIN dimension_month d ON d.month_key BETWEEN p.whole_from AND p.whole_to
UNION ALL
SELECT CAST(substr(e.entry_date, 1, 4) || substr(e.entry_date, 6, 2) AS INTEGER), l.account_id,
       coalesce(l.funder_id, 0), coalesce(l.grant_id, 0), coalesce(l.program_id, 0), coalesce(l.unit_id, 0), coalesce(l.item_id, 0),
       l.restriction, coalesce(l.currency, ''), max(l.amount_vnd, 0), max(-l.amount_vnd, 0),
       coalesce(l.amount_foreign, 0), coalesce(l.quantity, 0), coalesce(l.children, 0)
FROM report_period p
JOIN entry e ON e.entry_date BETWEEN p.head_from AND p.head_to OR e.entry_date BETWEEN p.tail_from AND p.tail_to
JOIN line l ON l.entry_seq = e.seq;
