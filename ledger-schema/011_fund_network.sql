-- 011 — The funds this fund deals with (docs/fund-network.md): the national fund, provincial
-- and commune funds, each its own ledger in its own file, known here by its code and by the
-- ledger id its file holds (ledger_meta 'ledger_id', printed by `cpf verify`). A transfer notice
-- from another fund is checked against the ledger id registered for it.
--
-- A registered fund is a chained fact like every registry row (migration 010): the triggers
-- below note each change, and `cpf verify` replays them. Rows are never updated or deleted.
CREATE TABLE fund (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40 AND code NOT GLOB '*[^0-9A-Za-z._-]*'),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    level        TEXT NOT NULL CHECK (level = 'national' OR level = 'province' OR level = 'commune'),
    parent_id    INTEGER REFERENCES fund (id),
    ledger_id    TEXT NOT NULL UNIQUE CHECK (length(ledger_id) BETWEEN 1 AND 100),
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;

CREATE TRIGGER fund_is_immutable BEFORE UPDATE ON fund
BEGIN SELECT RAISE(ABORT, 'a registered fund is never changed'); END;
CREATE TRIGGER fund_is_never_deleted BEFORE DELETE ON fund
BEGIN SELECT RAISE(ABORT, 'a registered fund is never deleted'); END;

CREATE TRIGGER fund_fact_insert AFTER INSERT ON fund BEGIN INSERT INTO fact_touch VALUES ('fund', NEW.id, NULL, NULL); END;
CREATE TRIGGER fund_fact_update AFTER UPDATE ON fund BEGIN INSERT INTO fact_touch VALUES ('fund', NEW.id, NULL, NULL); INSERT INTO fact_touch VALUES ('fund', OLD.id, NULL, NULL); END;
CREATE TRIGGER fund_fact_delete AFTER DELETE ON fund BEGIN INSERT INTO fact_touch VALUES ('fund', OLD.id, NULL, NULL); END;

-- Transfers between funds (docs/fund-network.md): one row per transfer notice this fund sent
-- or received, written in the transaction that posts its entry. The notice is kept as it was
-- written or read (JSON, format cpf-transfer-notice-v1); its digest is the SHA-256 of its
-- fields. A notice is received once: (sender_ledger_id, sender_seq) is unique, and for a
-- notice sent here they are this ledger's id and the entry's own sequence number.
CREATE TABLE transfer (
    id                INTEGER PRIMARY KEY,
    direction         TEXT NOT NULL CHECK (direction = 'sent' OR direction = 'received'),
    fund_id           INTEGER NOT NULL REFERENCES fund (id),
    entry_seq         INTEGER NOT NULL UNIQUE REFERENCES entry (seq),
    sender_ledger_id  TEXT NOT NULL CHECK (length(sender_ledger_id) BETWEEN 1 AND 100),
    sender_seq        INTEGER NOT NULL CHECK (sender_seq >= 1),
    sender_hash       TEXT NOT NULL CHECK (length(sender_hash) = 64),
    notice_digest     TEXT NOT NULL CHECK (length(notice_digest) = 64),
    notice            TEXT NOT NULL CHECK (length(notice) BETWEEN 2 AND 1000000),
    created_at        TEXT NOT NULL,
    created_by        TEXT NOT NULL,
    UNIQUE (sender_ledger_id, sender_seq)
) STRICT;

CREATE TRIGGER transfer_is_immutable BEFORE UPDATE ON transfer
BEGIN SELECT RAISE(ABORT, 'a transfer between funds is never changed; send a transfer back instead'); END;
CREATE TRIGGER transfer_is_never_deleted BEFORE DELETE ON transfer
BEGIN SELECT RAISE(ABORT, 'a transfer between funds is never deleted; send a transfer back instead'); END;

CREATE TRIGGER transfer_fact_insert AFTER INSERT ON transfer BEGIN INSERT INTO fact_touch VALUES ('transfer', NEW.id, NULL, NULL); END;
CREATE TRIGGER transfer_fact_update AFTER UPDATE ON transfer BEGIN INSERT INTO fact_touch VALUES ('transfer', NEW.id, NULL, NULL); INSERT INTO fact_touch VALUES ('transfer', OLD.id, NULL, NULL); END;
CREATE TRIGGER transfer_fact_delete AFTER DELETE ON transfer BEGIN INSERT INTO fact_touch VALUES ('transfer', OLD.id, NULL, NULL); END;

-- A transfer whose entry waits for a second person (maker–checker, table pending_entry): what
-- makes it a transfer once approved — the other fund, and for a notice received, the notice.
-- When the entry is approved, the row of `transfer` is written with it.
CREATE TABLE pending_transfer (
    pending_id  INTEGER PRIMARY KEY REFERENCES pending_entry (id),
    direction   TEXT NOT NULL CHECK (direction = 'sent' OR direction = 'received'),
    fund_id     INTEGER NOT NULL REFERENCES fund (id),
    notice      TEXT CHECK (notice IS NULL OR length(notice) BETWEEN 2 AND 1000000),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    CHECK ((direction = 'received') = (notice IS NOT NULL))
) STRICT;

CREATE TRIGGER pending_transfer_is_immutable BEFORE UPDATE ON pending_transfer
BEGIN SELECT RAISE(ABORT, 'a pending transfer is never changed'); END;
CREATE TRIGGER pending_transfer_is_never_deleted BEFORE DELETE ON pending_transfer
BEGIN SELECT RAISE(ABORT, 'a pending transfer is never deleted'); END;

CREATE TRIGGER pending_transfer_fact_insert AFTER INSERT ON pending_transfer BEGIN INSERT INTO fact_touch VALUES ('pending_transfer', NEW.pending_id, NULL, NULL); END;
CREATE TRIGGER pending_transfer_fact_update AFTER UPDATE ON pending_transfer BEGIN INSERT INTO fact_touch VALUES ('pending_transfer', NEW.pending_id, NULL, NULL); INSERT INTO fact_touch VALUES ('pending_transfer', OLD.pending_id, NULL, NULL); END;
CREATE TRIGGER pending_transfer_fact_delete AFTER DELETE ON pending_transfer BEGIN INSERT INTO fact_touch VALUES ('pending_transfer', OLD.pending_id, NULL, NULL); END;
