-- 006 — Grants' terms, plans, and the totals by dimension that grant, donor and reach
-- figures are read from.

-- The terms of a grant, one row per version. Version 1 is the agreement; each amendment
-- adds a version that takes effect on effective_on. Rows are never changed, so an amendment
-- never rewrites the past: a line keeps the restriction its grant had when it was posted.
-- committed_minor is in the grant's currency. A grant that names programs or units is
-- restricted to them; designated support (hỗ trợ theo địa chỉ) must be spent exactly as the
-- donor designated and is left out of the management-cost base.
CREATE TABLE grant_terms (
    grant_id         INTEGER NOT NULL REFERENCES "grant" (id),
    version          INTEGER NOT NULL CHECK (version >= 1),
    effective_on     TEXT NOT NULL CHECK (date(effective_on) = effective_on),
    committed_minor  INTEGER NOT NULL CHECK (committed_minor > 0 AND committed_minor <= 999999999999999),
    valid_from       TEXT CHECK (valid_from IS NULL OR date(valid_from) = valid_from),
    valid_to         TEXT CHECK (valid_to IS NULL OR date(valid_to) = valid_to),
    designated       INTEGER NOT NULL CHECK (designated IN (0, 1)),
    status           TEXT NOT NULL CHECK (status IN ('pledged', 'active', 'closed', 'cancelled')),
    purpose          TEXT NOT NULL CHECK (length(purpose) <= 500),
    reason           TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    recorded_by      TEXT NOT NULL,
    recorded_at      TEXT NOT NULL,
    PRIMARY KEY (grant_id, version),
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
) STRICT, WITHOUT ROWID;

-- The programs and org units a version of the terms restricts the grant to.
CREATE TABLE grant_terms_program (
    grant_id    INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    program_id  INTEGER NOT NULL REFERENCES program (id),
    PRIMARY KEY (grant_id, version, program_id),
    FOREIGN KEY (grant_id, version) REFERENCES grant_terms (grant_id, version)
) STRICT, WITHOUT ROWID;

CREATE TABLE grant_terms_unit (
    grant_id  INTEGER NOT NULL,
    version   INTEGER NOT NULL,
    unit_id   INTEGER NOT NULL REFERENCES org_unit (id),
    PRIMARY KEY (grant_id, version, unit_id),
    FOREIGN KEY (grant_id, version) REFERENCES grant_terms (grant_id, version)
) STRICT, WITHOUT ROWID;

-- The tranches (đợt) a version of the terms expects: when, and how much in the grant's currency.
CREATE TABLE grant_tranche (
    grant_id      INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    due_on        TEXT NOT NULL CHECK (date(due_on) = due_on),
    amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0),
    PRIMARY KEY (grant_id, version, due_on),
    FOREIGN KEY (grant_id, version) REFERENCES grant_terms (grant_id, version)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER grant_terms_are_fixed BEFORE UPDATE ON grant_terms
BEGIN SELECT RAISE(ABORT, 'grant terms are never changed; amend the grant (cpf grant amend) instead'); END;
CREATE TRIGGER grant_terms_are_never_deleted BEFORE DELETE ON grant_terms
BEGIN SELECT RAISE(ABORT, 'grant terms are never deleted; amend the grant (cpf grant amend) instead'); END;
CREATE TRIGGER grant_terms_program_is_fixed BEFORE UPDATE ON grant_terms_program
BEGIN SELECT RAISE(ABORT, 'grant terms are never changed'); END;
CREATE TRIGGER grant_terms_program_is_never_deleted BEFORE DELETE ON grant_terms_program
BEGIN SELECT RAISE(ABORT, 'grant terms are never deleted'); END;
CREATE TRIGGER grant_terms_unit_is_fixed BEFORE UPDATE ON grant_terms_unit
BEGIN SELECT RAISE(ABORT, 'grant terms are never changed'); END;
CREATE TRIGGER grant_terms_unit_is_never_deleted BEFORE DELETE ON grant_terms_unit
BEGIN SELECT RAISE(ABORT, 'grant terms are never deleted'); END;
CREATE TRIGGER grant_tranche_is_fixed BEFORE UPDATE ON grant_tranche
BEGIN SELECT RAISE(ABORT, 'grant terms are never changed'); END;
CREATE TRIGGER grant_tranche_is_never_deleted BEFORE DELETE ON grant_tranche
BEGIN SELECT RAISE(ABORT, 'grant terms are never deleted'); END;

-- Yearly plans (kế hoạch) for plan-versus-actual: an amount in dong for a program (or all
-- programs, program_code '') from a funding source (a funder kind, or all sources, '').
-- Setting a plan again replaces the amount; the audit trail keeps every value.
CREATE TABLE plan (
    year          INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2199),
    program_code  TEXT NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('', 'government-central', 'government-local', 'ngo', 'company', 'individual', 'other')),
    amount_vnd    INTEGER NOT NULL CHECK (amount_vnd >= 0 AND amount_vnd <= 999999999999999),
    set_by        TEXT NOT NULL,
    set_at        TEXT NOT NULL,
    PRIMARY KEY (year, program_code, source)
) STRICT, WITHOUT ROWID;

-- Totals of the journal lines by month and by every dimension, maintained in the same
-- transaction as each post, like the balances of migration 004. Grant utilization, donor
-- statements, reach and the public disclosure read these for whole months, and the lines
-- themselves (by entry_date) for the days of a month a period only partly covers; `cpf
-- verify` proves the totals equal the lines. A missing dimension is 0 (or '' for currency).
-- foreign_net is in `currency`; quantity_net and children_net are signed like the amounts.
-- There is no daily table: each maintained table costs every post a page write (cpf-bench).
CREATE TABLE dimension_month (
    month_key     INTEGER NOT NULL CHECK (month_key BETWEEN 190001 AND 219912),
    account_id    INTEGER NOT NULL REFERENCES account (id),
    funder_id     INTEGER NOT NULL,
    grant_id      INTEGER NOT NULL,
    program_id    INTEGER NOT NULL,
    unit_id       INTEGER NOT NULL,
    item_id       INTEGER NOT NULL,
    restriction   TEXT NOT NULL,
    currency      TEXT NOT NULL,
    debit_vnd     INTEGER NOT NULL CHECK (debit_vnd >= 0),
    credit_vnd    INTEGER NOT NULL CHECK (credit_vnd >= 0),
    foreign_net   INTEGER NOT NULL,
    quantity_net  INTEGER NOT NULL,
    children_net  INTEGER NOT NULL,
    line_count    INTEGER NOT NULL CHECK (line_count >= 0),
    PRIMARY KEY (month_key, account_id, funder_id, grant_id, program_id, unit_id, item_id, restriction, currency)
) STRICT, WITHOUT ROWID;

-- Posting rules read one grant's or one goods item's figures at a time.
CREATE INDEX dimension_month_grant ON dimension_month (grant_id, month_key) WHERE grant_id <> 0;
CREATE INDEX dimension_month_item ON dimension_month (item_id) WHERE item_id <> 0;

-- The fund's settings, stated explicitly rather than implied by the program's defaults.
-- fx-revaluation: public-sector accounting (Circular 107/2017/TT-BTC) does not revalue
-- foreign-currency balances of non-business activity at year end, so it starts 'forbidden';
-- a fund whose rules allow it switches it to 'allowed' (cpf settings set).
INSERT INTO ledger_meta (key, value) VALUES
    ('setting.fx-revaluation', 'forbidden'),
    ('setting.goods-account', '156'),
    ('setting.in-kind-revenue-account', '5133'),
    ('setting.fx-difference-account', '413'),
    ('setting.management-account', '642'),
    ('setting.management-cap-percent', '10'),
    ('setting.approval-threshold', 'none');
