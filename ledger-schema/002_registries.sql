-- 002 — The registries that give every line its dimensions: who gave the money (funder),
-- under which agreement (grant), for what (program), where (org unit), and which goods.
--
-- A registry code appears in hashed lines, so it never changes; names may be corrected.
-- Codes are short identifiers: letters, digits, '-', '_' and '.'.

-- Funders (nhà tài trợ): the state budget (central, local), foreign NGOs, companies,
-- individuals, and others. currency is what they usually give in; country is ISO 3166-1 alpha-2.
CREATE TABLE funder (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40 AND code NOT GLOB '*[^0-9A-Za-z._-]*'),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind        TEXT NOT NULL CHECK (kind IN ('government-central', 'government-local', 'ngo', 'company', 'individual', 'other')),
    currency    TEXT NOT NULL DEFAULT 'VND' REFERENCES currency (code),
    country     TEXT CHECK (country IS NULL OR (length(country) = 2 AND country = upper(country))),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
) STRICT;

-- Programs (chương trình): what money is spent on. expense_account is where a disbursement
-- to the program is booked unless the accountant names another expense account.
CREATE TABLE program (
    id                  INTEGER PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40 AND code NOT GLOB '*[^0-9A-Za-z._-]*'),
    name_vi             TEXT NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 200),
    name_en             TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    expense_account_id  INTEGER REFERENCES account (id),
    created_at          TEXT NOT NULL,
    created_by          TEXT NOT NULL
) STRICT;

-- Org units (đơn vị hành chính): national, province, district, commune. Provinces and
-- communes are merged over time, so a unit has an effective window and may name the unit it
-- was merged into; its history stays.
CREATE TABLE org_unit (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40 AND code NOT GLOB '*[^0-9A-Za-z._-]*'),
    name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    level           TEXT NOT NULL CHECK (level IN ('national', 'province', 'district', 'commune', 'other')),
    parent_id       INTEGER REFERENCES org_unit (id),
    effective_from  TEXT CHECK (effective_from IS NULL OR date(effective_from) = effective_from),
    effective_to    TEXT CHECK (effective_to IS NULL OR date(effective_to) = effective_to),
    merged_into_id  INTEGER REFERENCES org_unit (id),
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    CHECK (effective_from IS NULL OR effective_to IS NULL OR effective_from <= effective_to),
    CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;

-- Grants (khoản tài trợ): a commitment, pledge or agreement from one funder, in the
-- funder's currency. Its terms (amount, programs, units, window, designation) are versioned
-- in grant_terms (migration 005), so an amendment never rewrites the past.
CREATE TABLE "grant" (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40 AND code NOT GLOB '*[^0-9A-Za-z._-]*'),
    funder_id   INTEGER NOT NULL REFERENCES funder (id),
    currency    TEXT NOT NULL REFERENCES currency (code),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
) STRICT;

-- Goods received in kind and handed out (bicycles, milk, gift packages), counted in a unit.
CREATE TABLE goods_item (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40 AND code NOT GLOB '*[^0-9A-Za-z._-]*'),
    name_vi     TEXT NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 200),
    name_en     TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    unit        TEXT NOT NULL CHECK (length(unit) BETWEEN 1 AND 40),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
) STRICT;

CREATE TRIGGER funder_code_is_fixed BEFORE UPDATE OF code, kind ON funder
WHEN OLD.code IS NOT NEW.code OR OLD.kind IS NOT NEW.kind
BEGIN SELECT RAISE(ABORT, 'a funder''s code and kind never change; they are part of posted entries'); END;
CREATE TRIGGER program_code_is_fixed BEFORE UPDATE OF code ON program WHEN OLD.code IS NOT NEW.code
BEGIN SELECT RAISE(ABORT, 'a program''s code never changes; it is part of posted entries'); END;
CREATE TRIGGER org_unit_code_is_fixed BEFORE UPDATE OF code ON org_unit WHEN OLD.code IS NOT NEW.code
BEGIN SELECT RAISE(ABORT, 'an org unit''s code never changes; it is part of posted entries'); END;
CREATE TRIGGER grant_is_fixed BEFORE UPDATE ON "grant"
BEGIN SELECT RAISE(ABORT, 'a grant''s code, funder and currency never change; amend its terms instead'); END;
CREATE TRIGGER goods_item_code_is_fixed BEFORE UPDATE OF code, unit ON goods_item
WHEN OLD.code IS NOT NEW.code OR OLD.unit IS NOT NEW.unit
BEGIN SELECT RAISE(ABORT, 'a goods item''s code and unit never change; they are part of posted entries'); END;

CREATE TRIGGER funder_is_never_deleted BEFORE DELETE ON funder
BEGIN SELECT RAISE(ABORT, 'registry rows are never deleted'); END;
CREATE TRIGGER program_is_never_deleted BEFORE DELETE ON program
BEGIN SELECT RAISE(ABORT, 'registry rows are never deleted'); END;
CREATE TRIGGER org_unit_is_never_deleted BEFORE DELETE ON org_unit
BEGIN SELECT RAISE(ABORT, 'registry rows are never deleted'); END;
CREATE TRIGGER grant_is_never_deleted BEFORE DELETE ON "grant"
BEGIN SELECT RAISE(ABORT, 'registry rows are never deleted'); END;
CREATE TRIGGER goods_item_is_never_deleted BEFORE DELETE ON goods_item
BEGIN SELECT RAISE(ABORT, 'registry rows are never deleted'); END;
