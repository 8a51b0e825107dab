-- 003 — The journal: hash-chained entries and their lines. Posted rows are never updated
-- or deleted; a correction is a reversing entry that points at the original.
--
-- The hash of entry n is SHA-256(hash of entry n−1 ‖ canonical form of entry n), where the
-- canonical form covers the header, every line (with the codes of the accounts and
-- dimensions it names) and its beneficiary codes; see docs/hash-chain.md. The triggers
-- below stop honest mistakes; the hash chain catches everything else, including edits made
-- after dropping the triggers. A line's entry_seq has no FOREIGN KEY clause for the same
-- reason of speed: the program writes lines only with their entry, and verify reports any
-- line whose entry is missing.

-- On these two tables, which every post writes, a CHECK lists allowed values with OR, not
-- IN (…): SQLite builds a temporary table for each IN list at every row, which more than
-- halved posting speed (measured with cpf-bench).

-- Entries (bút toán), numbered 1, 2, 3, … without gaps.
-- kind 'journal' carries two or more balanced lines; 'period-close' and 'period-reopen'
-- record a change of period lock in the chain and carry no lines.
-- reverses_seq points at the entry this one reverses; an entry is reversed at most once.
-- approved_by/approved_at are set when the entry waited for a second person (maker–checker).
CREATE TABLE entry (
    seq           INTEGER PRIMARY KEY CHECK (seq >= 1),
    kind          TEXT NOT NULL DEFAULT 'journal' CHECK (kind = 'journal' OR kind = 'period-close' OR kind = 'period-reopen'),
    entry_date    TEXT NOT NULL CHECK (date(entry_date) = entry_date),
    memo          TEXT NOT NULL CHECK (length(memo) <= 500),
    external_ref  TEXT CHECK (external_ref IS NULL OR length(external_ref) BETWEEN 1 AND 100),
    posted_by     TEXT NOT NULL CHECK (length(posted_by) BETWEEN 1 AND 100),
    posted_at     TEXT NOT NULL CHECK (length(posted_at) = 24),
    approved_by   TEXT CHECK (approved_by IS NULL OR length(approved_by) BETWEEN 1 AND 100),
    approved_at   TEXT CHECK (approved_at IS NULL OR length(approved_at) = 24),
    reverses_seq  INTEGER REFERENCES entry (seq) CHECK (reverses_seq IS NULL OR reverses_seq < seq),
    hash          BLOB NOT NULL CHECK (length(hash) = 32),
    CHECK ((approved_by IS NULL) = (approved_at IS NULL))
) STRICT;

CREATE UNIQUE INDEX entry_external_ref ON entry (external_ref) WHERE external_ref IS NOT NULL;
CREATE UNIQUE INDEX entry_reverses ON entry (reverses_seq) WHERE reverses_seq IS NOT NULL;
-- Reports over a period find their entries by date; books are kept mostly in date order, so
-- this index grows at its end.
CREATE INDEX entry_date ON entry (entry_date);

-- Lines (dòng bút toán). amount_vnd is signed: debit positive, credit negative; an entry's
-- lines sum to zero. A foreign line also keeps its original amount (same sign, minor units),
-- the rate used (dong per unit, exact decimal text), the rate's date and source.
-- Dimensions: funder, grant, program, org unit, and the restriction class that follows from
-- the grant. Goods lines carry the item and a signed quantity; spending lines carry the
-- number of child-instances (lượt trẻ em) reached. Quantities and child-instances take the
-- sign of the amount, so a reversal subtracts them again.
CREATE TABLE line (
    entry_seq       INTEGER NOT NULL,
    line_no         INTEGER NOT NULL CHECK (line_no BETWEEN 1 AND 1000),
    account_id      INTEGER NOT NULL REFERENCES account (id),
    amount_vnd      INTEGER NOT NULL CHECK (amount_vnd <> 0 AND abs(amount_vnd) <= 999999999999999),
    currency        TEXT REFERENCES currency (code) CHECK (currency IS NULL OR currency <> 'VND'),
    amount_foreign  INTEGER CHECK (amount_foreign IS NULL OR abs(amount_foreign) <= 999999999999999),
    rate            TEXT,
    rate_date       TEXT CHECK (rate_date IS NULL OR date(rate_date) = rate_date),
    rate_source     TEXT CHECK (rate_source IS NULL OR length(rate_source) BETWEEN 1 AND 100),
    funder_id       INTEGER REFERENCES funder (id),
    grant_id        INTEGER REFERENCES "grant" (id),
    program_id      INTEGER REFERENCES program (id),
    unit_id         INTEGER REFERENCES org_unit (id),
    restriction     TEXT NOT NULL DEFAULT 'unrestricted' CHECK (restriction = 'unrestricted' OR restriction = 'restricted' OR restriction = 'designated'),
    item_id         INTEGER REFERENCES goods_item (id),
    quantity        INTEGER,
    children        INTEGER CHECK (children IS NULL OR (children <> 0 AND abs(children) <= 10000000)),
    memo            TEXT CHECK (memo IS NULL OR length(memo) BETWEEN 1 AND 500),
    PRIMARY KEY (entry_seq, line_no),
    CHECK (currency IS NULL OR (amount_foreign IS NOT NULL AND rate IS NOT NULL AND rate_date IS NOT NULL AND rate_source IS NOT NULL)),
    CHECK (currency IS NOT NULL OR (amount_foreign IS NULL AND rate IS NULL AND rate_date IS NULL AND rate_source IS NULL)),
    CHECK (amount_foreign IS NULL OR (amount_foreign <> 0 AND (amount_foreign > 0) = (amount_vnd > 0))),
    CHECK ((item_id IS NULL) = (quantity IS NULL)),
    CHECK (quantity IS NULL OR (quantity <> 0 AND (quantity > 0) = (amount_vnd > 0))),
    CHECK (children IS NULL OR (children > 0) = (amount_vnd > 0)),
    CHECK (restriction = 'unrestricted' OR grant_id IS NOT NULL)
) STRICT, WITHOUT ROWID;

-- No index by account or grant: aggregates come from maintained totals, and a register reads
-- the lines of the entries in its period. Every index here costs each post (cpf-bench).

-- Pseudonymous beneficiary codes (never names) on a spending line. They never leave the
-- books: no statement, public report, log or error message shows them.
CREATE TABLE beneficiary_code (
    entry_seq  INTEGER NOT NULL,
    line_no    INTEGER NOT NULL,
    code       TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 40 AND code NOT GLOB '*[^0-9A-Za-z._-]*'),
    PRIMARY KEY (entry_seq, line_no, code),
    FOREIGN KEY (entry_seq, line_no) REFERENCES line (entry_seq, line_no)
) STRICT, WITHOUT ROWID;

-- Entries are numbered 1, 2, 3, … without gaps, and lines are written together with their
-- entry; the program does both. These are not triggers because a trigger on every insert
-- halves posting speed (measured with cpf-bench); `cpf verify` proves both for the whole
-- journal, since the sequence number and every line are part of each entry's hash.

CREATE TRIGGER entry_is_immutable BEFORE UPDATE ON entry
BEGIN
    SELECT RAISE(ABORT, 'posted entries are immutable; post a reversing entry (cpf reverse) instead');
END;

CREATE TRIGGER entry_is_never_deleted BEFORE DELETE ON entry
BEGIN
    SELECT RAISE(ABORT, 'posted entries are never deleted; post a reversing entry (cpf reverse) instead');
END;

CREATE TRIGGER line_is_immutable BEFORE UPDATE ON line
BEGIN
    SELECT RAISE(ABORT, 'posted lines are immutable; post a reversing entry (cpf reverse) instead');
END;

CREATE TRIGGER line_is_never_deleted BEFORE DELETE ON line
BEGIN
    SELECT RAISE(ABORT, 'posted lines are never deleted; post a reversing entry (cpf reverse) instead');
END;

CREATE TRIGGER beneficiary_code_is_immutable BEFORE UPDATE ON beneficiary_code
BEGIN
    SELECT RAISE(ABORT, 'posted entries are immutable');
END;

CREATE TRIGGER beneficiary_code_is_never_deleted BEFORE DELETE ON beneficiary_code
BEGIN
    SELECT RAISE(ABORT, 'posted entries are never deleted');
END;
