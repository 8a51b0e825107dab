-- 007 — Controls: period locks, entries that wait for a second person (maker–checker), and
-- grant allocations by program and place.

-- The books are closed through a date: the last day of the latest closed month. Closing
-- month M locks every date up to the end of M; reopening M unlocks M and every later month.
-- The single row follows the chain: each 'period-close' or 'period-reopen' entry sets it in
-- the same transaction, and `cpf verify` checks it against those entries. No row: nothing
-- is closed.
CREATE TABLE period_lock (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    locked_through  TEXT CHECK (locked_through IS NULL OR date(locked_through) = locked_through),
    set_by_seq      INTEGER NOT NULL REFERENCES entry (seq)
) STRICT;

-- The lock is enforced in storage too: no journal entry (a post, a reversal or an approved
-- entry) is inserted with a date in a closed period, whatever program writes it. One
-- indexed lookup per entry, not per line.
CREATE TRIGGER entry_outside_closed_periods BEFORE INSERT ON entry
WHEN NEW.kind = 'journal' AND NEW.entry_date <= (SELECT locked_through FROM period_lock WHERE id = 1)
BEGIN
    SELECT RAISE(ABORT, 'this entry is dated in a closed period; reopen the period first (cpf period reopen)');
END;

-- Entries at or above the approval threshold wait here, outside the chain and outside every
-- balance and report, until a different person approves them; the approved entry is then
-- posted with approved_by/approved_at (so the approval is part of the hash chain) and the
-- row points at it. draft is the entry as submitted (JSON; docs/audit.md); it may
-- hold beneficiary codes, which never leave the books.
CREATE TABLE pending_entry (
    id               INTEGER PRIMARY KEY,
    entry_date       TEXT NOT NULL CHECK (date(entry_date) = entry_date),
    memo             TEXT NOT NULL,
    external_ref     TEXT,
    total_debit_vnd  INTEGER NOT NULL CHECK (total_debit_vnd > 0),
    draft            TEXT NOT NULL,
    submitted_by     TEXT NOT NULL CHECK (length(submitted_by) BETWEEN 1 AND 100),
    submitted_at     TEXT NOT NULL CHECK (length(submitted_at) = 24),
    status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    decided_by       TEXT CHECK (decided_by IS NULL OR length(decided_by) BETWEEN 1 AND 100),
    decided_at       TEXT CHECK (decided_at IS NULL OR length(decided_at) = 24),
    decision_note    TEXT,
    entry_seq        INTEGER REFERENCES entry (seq),
    CHECK ((status = 'approved') = (entry_seq IS NOT NULL)),
    CHECK ((status = 'pending') = (decided_by IS NULL)),
    CHECK ((decided_by IS NULL) = (decided_at IS NULL))
) STRICT;

CREATE UNIQUE INDEX pending_entry_reference ON pending_entry (external_ref) WHERE external_ref IS NOT NULL AND status = 'pending';

-- A pending entry is decided once; what was submitted never changes.
CREATE TRIGGER pending_entry_is_decided_once BEFORE UPDATE ON pending_entry
WHEN OLD.status <> 'pending'
  OR NEW.entry_date IS NOT OLD.entry_date OR NEW.memo IS NOT OLD.memo OR NEW.external_ref IS NOT OLD.external_ref
  OR NEW.total_debit_vnd IS NOT OLD.total_debit_vnd OR NEW.draft IS NOT OLD.draft
  OR NEW.submitted_by IS NOT OLD.submitted_by OR NEW.submitted_at IS NOT OLD.submitted_at
BEGIN
    SELECT RAISE(ABORT, 'a pending entry is decided once and never changed');
END;

CREATE TRIGGER pending_entry_is_never_deleted BEFORE DELETE ON pending_entry
BEGIN
    SELECT RAISE(ABORT, 'pending entries are never deleted; reject one with cpf approve --reject');
END;

-- How much of a grant (in the grant's currency, minor units) is allocated to a program in a
-- place (unit_id 0: anywhere). `cpf reconcile grants` compares allocations with spending.
-- Changes are recorded in change_log.
CREATE TABLE grant_allocation (
    grant_id      INTEGER NOT NULL REFERENCES "grant" (id),
    program_id    INTEGER NOT NULL REFERENCES program (id),
    unit_id       INTEGER NOT NULL CHECK (unit_id >= 0),
    amount_minor  INTEGER NOT NULL CHECK (amount_minor >= 0 AND amount_minor <= 999999999999999),
    set_by        TEXT NOT NULL,
    set_at        TEXT NOT NULL,
    PRIMARY KEY (grant_id, program_id, unit_id)
) STRICT, WITHOUT ROWID;
