-- 004 — Maintained totals per account and period, kept in the same transaction as every
-- post, so a trial balance over millions of lines reads a few thousand rows.
--
-- They are derived data: `cpf verify` recomputes them from the lines and reports any
-- difference. Debits and credits are kept apart (both ≥ 0) so turnover can be shown;
-- foreign_net is the signed sum in the account's own currency (zero for VND accounts), which
-- gives a foreign-currency account its balance in both currencies.

CREATE TABLE balance_day (
    day_key      INTEGER NOT NULL CHECK (day_key BETWEEN 19000101 AND 21991231),  -- yyyymmdd
    account_id   INTEGER NOT NULL REFERENCES account (id),
    debit_vnd    INTEGER NOT NULL CHECK (debit_vnd >= 0),
    credit_vnd   INTEGER NOT NULL CHECK (credit_vnd >= 0),
    foreign_net  INTEGER NOT NULL,
    line_count   INTEGER NOT NULL CHECK (line_count >= 0),
    PRIMARY KEY (day_key, account_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE balance_month (
    month_key    INTEGER NOT NULL CHECK (month_key BETWEEN 190001 AND 219912),    -- yyyymm
    account_id   INTEGER NOT NULL REFERENCES account (id),
    debit_vnd    INTEGER NOT NULL CHECK (debit_vnd >= 0),
    credit_vnd   INTEGER NOT NULL CHECK (credit_vnd >= 0),
    foreign_net  INTEGER NOT NULL,
    line_count   INTEGER NOT NULL CHECK (line_count >= 0),
    PRIMARY KEY (month_key, account_id)
) STRICT, WITHOUT ROWID;
