-- Control maker-checker (cpf audit, docs/audit.md). Nobody approved their own entry; an
-- approved pending entry was posted as submitted and approved; and no entry at or above the
-- threshold in force when it was posted went in without approval (the threshold's history is in
-- the audit trail).
-- This query: The approval threshold's changes, oldest first (the audit trail).

SELECT changed_at, detail FROM change_log WHERE subject = 'setting:approval-threshold' ORDER BY id
