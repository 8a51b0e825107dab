-- 005 — The audit trail: every change of state that is not itself a journal entry
-- (accounts, rates, registries, settings, periods, approvals) is recorded here with who,
-- when, what and why. Rows are only ever added.
--
-- subject names what changed, e.g. 'account:1121' or 'grant:KFW-2018'; detail is a short
-- human-readable description. Neither ever contains a beneficiary code.
CREATE TABLE change_log (
    id          INTEGER PRIMARY KEY,
    changed_at  TEXT NOT NULL CHECK (length(changed_at) = 24),
    changed_by  TEXT NOT NULL CHECK (length(changed_by) BETWEEN 1 AND 100),
    action      TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 60),
    subject     TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    entry_seq   INTEGER REFERENCES entry (seq),
    detail      TEXT NOT NULL CHECK (length(detail) <= 2000)
) STRICT;

CREATE INDEX change_log_entry ON change_log (entry_seq) WHERE entry_seq IS NOT NULL;
CREATE INDEX change_log_user ON change_log (changed_by, changed_at);

CREATE TRIGGER change_log_is_append_only BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER change_log_is_never_deleted BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
