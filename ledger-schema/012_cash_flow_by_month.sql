-- 012 — What the statement of cash flows reads (reports/cash-flow.sql), kept as the journal is
-- written instead of worked out from every line at each report.
--
-- An entry moves cash when one of its lines is on a cash or bank account (an asset account
-- whose code starts 111, 112 or 113, as 009 says). Every entry sums to zero, so in such an
-- entry the cash that moved is minus the sum of its other lines, and each other line is the
-- flow it explains (a receipt from a funder, a payment to a program, …). cash_flow_month keeps
-- those other lines' sums by month, account, funder and program (0 for none), maintained in
-- the same transaction as each post, like the totals of 004, 006 and 009. The statement reads
-- whole months here and only the days at either end of its period from the lines.
-- Derived data: `cpf verify` recomputes it from the lines.
CREATE TABLE cash_flow_month (
    month_key   INTEGER NOT NULL CHECK (month_key BETWEEN 190001 AND 219912),
    account_id  INTEGER NOT NULL,
    funder_id   INTEGER NOT NULL,
    program_id  INTEGER NOT NULL,
    amount_vnd  INTEGER NOT NULL,
    line_count  INTEGER NOT NULL CHECK (line_count >= 0),
    PRIMARY KEY (month_key, account_id, funder_id, program_id)
) STRICT, WITHOUT ROWID;

-- The books already written.
WITH cash AS (
    SELECT id FROM account
    WHERE type = 'asset' AND (code GLOB '111*' OR code GLOB '112*' OR code GLOB '113*')
)
INSERT INTO cash_flow_month (month_key, account_id, funder_id, program_id, amount_vnd, line_count)
SELECT CAST(substr(e.entry_date, 1, 4) || substr(e.entry_date, 6, 2) AS INTEGER),
       l.account_id, coalesce(l.funder_id, 0), coalesce(l.program_id, 0), sum(l.amount_vnd), count(*)
FROM entry e
JOIN line l ON l.entry_seq = e.seq
WHERE l.account_id NOT IN (SELECT id FROM cash)
  AND EXISTS (SELECT 1 FROM line c WHERE c.entry_seq = e.seq AND c.account_id IN (SELECT id FROM cash))
GROUP BY 1, 2, 3, 4;
