-- Control maker-checker (cpf audit, docs/audit.md). Nobody approved their own entry; an
-- approved pending entry was posted as submitted and approved; and no entry at or above the
-- threshold in force when it was posted went in without approval (the threshold's history is in
-- the audit trail).
-- This query: Entries approved by the person who posted them.

SELECT seq, posted_by FROM entry WHERE approved_by IS NOT NULL AND approved_by = posted_by ORDER BY seq
