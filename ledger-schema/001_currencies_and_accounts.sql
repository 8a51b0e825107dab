-- 001 — The ledger's identity, its currencies, the chart of accounts and exchange rates.
--
-- Every table is STRICT (https://www.sqlite.org/stricttables.html): a value of the wrong type
-- is refused, never converted. Money is always INTEGER minor units; rates are exact decimal
-- TEXT; dates are ISO 8601 TEXT checked by date().

-- Key/value facts about this ledger: fund_name, ledger_id (a random UUID fixed at init, part
-- of the hash chain's genesis), created_at, created_by, and fund settings.
CREATE TABLE ledger_meta (
    key   TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
    value TEXT NOT NULL CHECK (length(value) <= 1000)
) STRICT;

-- ISO 4217 currencies and their minor-unit exponent (VND 0, USD 2).
CREATE TABLE currency (
    code           TEXT PRIMARY KEY CHECK (length(code) = 3 AND code = upper(code)),
    exponent       INTEGER NOT NULL CHECK (exponent BETWEEN 0 AND 4),
    name_en        TEXT NOT NULL,
    name_vi        TEXT NOT NULL
) STRICT;

-- The chart of accounts, with Vietnamese public-sector numbering (111 cash, 112 bank, …).
-- type decides the normal side: asset and expense accounts are debit-normal; liability,
-- net-assets and revenue accounts are credit-normal.
-- currency: 'VND' accounts hold dong (a line may still note a foreign amount for tracing);
-- a foreign-currency account (e.g. 1122 in USD) requires every line to carry that currency.
-- An account with sub-accounts is a heading: entries post to its leaves.
CREATE TABLE account (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 20 AND code NOT GLOB '*[^0-9A-Za-z]*'),
    name_vi     TEXT NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 200),
    name_en     TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    type        TEXT NOT NULL CHECK (type IN ('asset', 'liability', 'net-assets', 'revenue', 'expense')),
    currency    TEXT NOT NULL DEFAULT 'VND' REFERENCES currency (code),
    parent_id   INTEGER REFERENCES account (id),
    opened_at   TEXT NOT NULL,
    closed_on   TEXT CHECK (closed_on IS NULL OR date(closed_on) = closed_on),
    CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;

CREATE INDEX account_parent ON account (parent_id) WHERE parent_id IS NOT NULL;

-- An account's code is part of every hashed line that names it: it never changes.
CREATE TRIGGER account_code_is_fixed BEFORE UPDATE OF code, type, currency ON account
WHEN OLD.code IS NOT NEW.code OR OLD.type IS NOT NEW.type OR OLD.currency IS NOT NEW.currency
BEGIN
    SELECT RAISE(ABORT, 'an account''s code, type and currency never change; close it and add a new account');
END;

CREATE TRIGGER account_is_never_deleted BEFORE DELETE ON account
BEGIN
    SELECT RAISE(ABORT, 'accounts are never deleted; close the account instead');
END;

-- Exchange rates: dong per one unit of the currency, on a date, from a named source
-- (e.g. SBV — the State Bank of Vietnam; MOF — the Ministry of Finance's accounting rate).
-- One rate per currency and date. A recorded rate is never changed: entries cite it.
CREATE TABLE exchange_rate (
    currency     TEXT NOT NULL REFERENCES currency (code) CHECK (currency <> 'VND'),
    rate_date    TEXT NOT NULL CHECK (date(rate_date) = rate_date),
    rate         TEXT NOT NULL CHECK (rate GLOB '[0-9]*' AND rate NOT GLOB '*[^0-9.]*' AND length(rate) <= 30),
    source       TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 100),
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    PRIMARY KEY (currency, rate_date)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER exchange_rate_is_fixed BEFORE UPDATE ON exchange_rate
BEGIN
    SELECT RAISE(ABORT, 'a recorded exchange rate never changes; entries cite it');
END;

CREATE TRIGGER exchange_rate_is_never_deleted BEFORE DELETE ON exchange_rate
BEGIN
    SELECT RAISE(ABORT, 'a recorded exchange rate is never deleted; entries cite it');
END;
