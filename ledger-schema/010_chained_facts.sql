-- 010 — Every stored fact is chained (docs/hash-chain.md, "Facts").
--
-- The journal's hash chain covers entries and period records. Every figure also depends on
-- other stored facts: the chart, the registries, grants' terms, rates, plans, allocations,
-- settings, approvals and the audit trail. Each write transaction that changes any of them
-- appends one fact record: the new image of every row it changed (or that the row is gone),
-- chained like the entries. `cpf verify` replays the records and checks that every fact
-- table holds exactly what they say, so a row edited, added or deleted outside cpf is found.
--
-- The two chains hold each other: a fact record names the journal head it followed, and
-- every entry posted from this version on commits to the fact head (entry.fact_seq, in the
-- canonical form cpf-entry-v2), so neither chain can lose its newest links unseen while the
-- other goes on.

CREATE TABLE fact_record (
    seq           INTEGER PRIMARY KEY CHECK (seq >= 1),
    journal_seq   INTEGER NOT NULL CHECK (journal_seq >= 0),
    journal_hash  BLOB NOT NULL CHECK (length(journal_hash) = 32),
    images        TEXT NOT NULL,
    hash          BLOB NOT NULL CHECK (length(hash) = 32)
) STRICT;

CREATE TRIGGER fact_record_is_immutable BEFORE UPDATE ON fact_record
BEGIN SELECT RAISE(ABORT, 'fact records are immutable'); END;
CREATE TRIGGER fact_record_is_never_deleted BEFORE DELETE ON fact_record
BEGIN SELECT RAISE(ABORT, 'fact records are never deleted'); END;

-- The fact every entry from now on commits to: the newest fact record when it was posted.
-- NULL for entries posted before this version (canonical form cpf-entry-v1). Not a foreign
-- key, which would cost a lookup for every entry posted: the entry's hash covers the record's
-- hash, so `cpf verify` finds an entry whose record is missing or changed.
ALTER TABLE entry ADD COLUMN fact_seq INTEGER CHECK (fact_seq IS NULL OR fact_seq >= 1);

-- The key of the beneficiary-code commitments (docs/hash-chain.md): the chain of entries
-- from this version on hashes HMAC-SHA-256(key, entry, line, code) instead of the code, so
-- an export can carry what the chain hashes without a code being guessed from it. The key
-- never leaves this file; its fact image is its SHA-256.
CREATE TABLE ledger_secret (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    beneficiary_key  BLOB NOT NULL CHECK (length(beneficiary_key) = 32)
) STRICT;
INSERT INTO ledger_secret (id, beneficiary_key) VALUES (1, randomblob(32));
CREATE TRIGGER ledger_secret_is_fixed BEFORE UPDATE ON ledger_secret
BEGIN SELECT RAISE(ABORT, 'the beneficiary key never changes; entries commit to codes with it'); END;
CREATE TRIGGER ledger_secret_is_never_deleted BEFORE DELETE ON ledger_secret
BEGIN SELECT RAISE(ABORT, 'the beneficiary key is never deleted; entries commit to codes with it'); END;

-- The keys of the fact rows changed by the write transaction under way: cpf turns them into
-- one fact record before it commits, and empties the table. Empty between transactions.
CREATE TABLE fact_touch (
    tbl  TEXT NOT NULL,
    k1   ANY,
    k2   ANY,
    k3   ANY
) STRICT;

-- One trigger per fact table and change SQLite lets through notes the key of the row changed.
-- A change that the table's own triggers refuse (RAISE(ABORT) before it: a grant's terms
-- updated, an audit-trail row deleted, …) needs none; it never happens. Each trigger costs
-- every connection a little parsing, so there are no more than that.

CREATE TRIGGER ledger_meta_fact_insert AFTER INSERT ON ledger_meta BEGIN INSERT INTO fact_touch VALUES ('ledger_meta', NEW.key, NULL, NULL); END;
CREATE TRIGGER ledger_meta_fact_update AFTER UPDATE ON ledger_meta BEGIN INSERT INTO fact_touch VALUES ('ledger_meta', NEW.key, NULL, NULL); INSERT INTO fact_touch VALUES ('ledger_meta', OLD.key, NULL, NULL); END;
CREATE TRIGGER ledger_meta_fact_delete AFTER DELETE ON ledger_meta BEGIN INSERT INTO fact_touch VALUES ('ledger_meta', OLD.key, NULL, NULL); END;

CREATE TRIGGER ledger_secret_fact_insert AFTER INSERT ON ledger_secret BEGIN INSERT INTO fact_touch VALUES ('ledger_secret', NEW.id, NULL, NULL); END;

CREATE TRIGGER schema_migration_fact_insert AFTER INSERT ON schema_migration BEGIN INSERT INTO fact_touch VALUES ('schema_migration', NEW.version, NULL, NULL); END;
CREATE TRIGGER schema_migration_fact_update AFTER UPDATE ON schema_migration BEGIN INSERT INTO fact_touch VALUES ('schema_migration', NEW.version, NULL, NULL); INSERT INTO fact_touch VALUES ('schema_migration', OLD.version, NULL, NULL); END;
CREATE TRIGGER schema_migration_fact_delete AFTER DELETE ON schema_migration BEGIN INSERT INTO fact_touch VALUES ('schema_migration', OLD.version, NULL, NULL); END;

CREATE TRIGGER currency_fact_insert AFTER INSERT ON currency BEGIN INSERT INTO fact_touch VALUES ('currency', NEW.code, NULL, NULL); END;
CREATE TRIGGER currency_fact_update AFTER UPDATE ON currency BEGIN INSERT INTO fact_touch VALUES ('currency', NEW.code, NULL, NULL); INSERT INTO fact_touch VALUES ('currency', OLD.code, NULL, NULL); END;
CREATE TRIGGER currency_fact_delete AFTER DELETE ON currency BEGIN INSERT INTO fact_touch VALUES ('currency', OLD.code, NULL, NULL); END;

CREATE TRIGGER account_fact_insert AFTER INSERT ON account BEGIN INSERT INTO fact_touch VALUES ('account', NEW.id, NULL, NULL); END;
CREATE TRIGGER account_fact_update AFTER UPDATE ON account BEGIN INSERT INTO fact_touch VALUES ('account', NEW.id, NULL, NULL); INSERT INTO fact_touch VALUES ('account', OLD.id, NULL, NULL); END;

CREATE TRIGGER exchange_rate_fact_insert AFTER INSERT ON exchange_rate BEGIN INSERT INTO fact_touch VALUES ('exchange_rate', NEW.currency, NEW.rate_date, NULL); END;

CREATE TRIGGER funder_fact_insert AFTER INSERT ON funder BEGIN INSERT INTO fact_touch VALUES ('funder', NEW.id, NULL, NULL); END;
CREATE TRIGGER funder_fact_update AFTER UPDATE ON funder BEGIN INSERT INTO fact_touch VALUES ('funder', NEW.id, NULL, NULL); INSERT INTO fact_touch VALUES ('funder', OLD.id, NULL, NULL); END;

CREATE TRIGGER program_fact_insert AFTER INSERT ON program BEGIN INSERT INTO fact_touch VALUES ('program', NEW.id, NULL, NULL); END;
CREATE TRIGGER program_fact_update AFTER UPDATE ON program BEGIN INSERT INTO fact_touch VALUES ('program', NEW.id, NULL, NULL); INSERT INTO fact_touch VALUES ('program', OLD.id, NULL, NULL); END;

CREATE TRIGGER org_unit_fact_insert AFTER INSERT ON org_unit BEGIN INSERT INTO fact_touch VALUES ('org_unit', NEW.id, NULL, NULL); END;
CREATE TRIGGER org_unit_fact_update AFTER UPDATE ON org_unit BEGIN INSERT INTO fact_touch VALUES ('org_unit', NEW.id, NULL, NULL); INSERT INTO fact_touch VALUES ('org_unit', OLD.id, NULL, NULL); END;

CREATE TRIGGER grant_fact_insert AFTER INSERT ON "grant" BEGIN INSERT INTO fact_touch VALUES ('grant', NEW.id, NULL, NULL); END;

CREATE TRIGGER goods_item_fact_insert AFTER INSERT ON goods_item BEGIN INSERT INTO fact_touch VALUES ('goods_item', NEW.id, NULL, NULL); END;
CREATE TRIGGER goods_item_fact_update AFTER UPDATE ON goods_item BEGIN INSERT INTO fact_touch VALUES ('goods_item', NEW.id, NULL, NULL); INSERT INTO fact_touch VALUES ('goods_item', OLD.id, NULL, NULL); END;

CREATE TRIGGER grant_terms_fact_insert AFTER INSERT ON grant_terms BEGIN INSERT INTO fact_touch VALUES ('grant_terms', NEW.grant_id, NEW.version, NULL); END;

CREATE TRIGGER grant_terms_program_fact_insert AFTER INSERT ON grant_terms_program BEGIN INSERT INTO fact_touch VALUES ('grant_terms_program', NEW.grant_id, NEW.version, NEW.program_id); END;

CREATE TRIGGER grant_terms_unit_fact_insert AFTER INSERT ON grant_terms_unit BEGIN INSERT INTO fact_touch VALUES ('grant_terms_unit', NEW.grant_id, NEW.version, NEW.unit_id); END;

CREATE TRIGGER grant_tranche_fact_insert AFTER INSERT ON grant_tranche BEGIN INSERT INTO fact_touch VALUES ('grant_tranche', NEW.grant_id, NEW.version, NEW.due_on); END;

CREATE TRIGGER plan_fact_insert AFTER INSERT ON plan BEGIN INSERT INTO fact_touch VALUES ('plan', NEW.year, NEW.program_code, NEW.source); END;
CREATE TRIGGER plan_fact_update AFTER UPDATE ON plan BEGIN INSERT INTO fact_touch VALUES ('plan', NEW.year, NEW.program_code, NEW.source); INSERT INTO fact_touch VALUES ('plan', OLD.year, OLD.program_code, OLD.source); END;
CREATE TRIGGER plan_fact_delete AFTER DELETE ON plan BEGIN INSERT INTO fact_touch VALUES ('plan', OLD.year, OLD.program_code, OLD.source); END;

CREATE TRIGGER grant_allocation_fact_insert AFTER INSERT ON grant_allocation BEGIN INSERT INTO fact_touch VALUES ('grant_allocation', NEW.grant_id, NEW.program_id, NEW.unit_id); END;
CREATE TRIGGER grant_allocation_fact_update AFTER UPDATE ON grant_allocation BEGIN INSERT INTO fact_touch VALUES ('grant_allocation', NEW.grant_id, NEW.program_id, NEW.unit_id); INSERT INTO fact_touch VALUES ('grant_allocation', OLD.grant_id, OLD.program_id, OLD.unit_id); END;
CREATE TRIGGER grant_allocation_fact_delete AFTER DELETE ON grant_allocation BEGIN INSERT INTO fact_touch VALUES ('grant_allocation', OLD.grant_id, OLD.program_id, OLD.unit_id); END;

CREATE TRIGGER pending_entry_fact_insert AFTER INSERT ON pending_entry BEGIN INSERT INTO fact_touch VALUES ('pending_entry', NEW.id, NULL, NULL); END;
CREATE TRIGGER pending_entry_fact_update AFTER UPDATE ON pending_entry BEGIN INSERT INTO fact_touch VALUES ('pending_entry', NEW.id, NULL, NULL); INSERT INTO fact_touch VALUES ('pending_entry', OLD.id, NULL, NULL); END;

CREATE TRIGGER change_log_fact_insert AFTER INSERT ON change_log BEGIN INSERT INTO fact_touch VALUES ('change_log', NEW.id, NULL, NULL); END;
