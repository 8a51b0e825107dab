-- Control closed-periods (cpf audit, docs/audit.md). Walks the chain in order, keeping the lock
-- each period record sets: a journal entry dated on or before the lock in force when it was
-- posted broke the lock.

SELECT seq, kind, entry_date FROM entry ORDER BY seq
