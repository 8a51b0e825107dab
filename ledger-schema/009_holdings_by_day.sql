-- 009 — What posting rules need to keep the books right on every date, not only in the order
-- entries are typed (docs/posting-rules.md).
--
-- holding_day: the daily change of every limited quantity, maintained in the same
-- transaction as each post, like the totals of 004 and 006. A back-dated entry is refused
-- when it would take a quantity below zero on its own date or on any later date; the rule
-- reads the quantity's total and its days from the entry's date on, an index range, never
-- the journal. The kinds:
--   1 money: a cash or bank account (codes 111…, 112…, 113…); net in the account's own
--            currency's minor units (dong for a dong account), value in dong;
--   2 goods: a goods item on the goods account; net in units, value in dong (carrying value);
--   3 grant: a grant's available money, received + exchange effect − spent, in dong (net),
--            value 0;
--   4 grant spending: a grant's spending on one program in one place, negated, in dong; the
--            subject packs grant << 40 | program << 20 | unit (0 for none). A grant's
--            allocations (grant_allocation) are held to it.
-- valuations counts the lines that day that were valued at the holding's average (money
-- leaving a foreign-currency account, goods handed out, a revaluation — not a reversal, whose
-- figures mirror its original's): a movement dated before one of them would change a figure
-- already posted, so it is refused.
-- Derived data: `cpf verify` recomputes it from the lines.
CREATE TABLE holding_day (
    kind        INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 4),
    subject_id  INTEGER NOT NULL,
    day_key     INTEGER NOT NULL CHECK (day_key BETWEEN 19000101 AND 21991231),
    net         INTEGER NOT NULL,
    value_vnd   INTEGER NOT NULL,
    valuations  INTEGER NOT NULL CHECK (valuations >= 0),
    line_count  INTEGER NOT NULL CHECK (line_count >= 0),
    PRIMARY KEY (kind, subject_id, day_key)
) STRICT, WITHOUT ROWID;

-- Each holding's total over every date and its last day with a change, so a rule about a
-- date reads one row here and the days from that date on in holding_day: a few index lookups
-- however long the books are. Derived data, like holding_day.
CREATE TABLE holding_total (
    kind        INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 4),
    subject_id  INTEGER NOT NULL,
    net         INTEGER NOT NULL,
    value_vnd   INTEGER NOT NULL,
    valuations  INTEGER NOT NULL CHECK (valuations >= 0),
    line_count  INTEGER NOT NULL CHECK (line_count >= 0),
    last_day    INTEGER NOT NULL CHECK (last_day BETWEEN 19000101 AND 21991231),
    PRIMARY KEY (kind, subject_id)
) STRICT, WITHOUT ROWID;

-- The whole journal's extent: the sum of every line's magnitude in dong, in its foreign
-- currency, in goods units and in child-instances. Any total a report or control computes is
-- at most one of these (or twice, debits and credits), so an entry that would take one past
-- 10^18 is refused and every report stays exact in 64-bit integers. One row; derived data.
CREATE TABLE journal_extent (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    dong           INTEGER NOT NULL CHECK (dong >= 0),
    foreign_minor  INTEGER NOT NULL CHECK (foreign_minor >= 0),
    quantity       INTEGER NOT NULL CHECK (quantity >= 0),
    children       INTEGER NOT NULL CHECK (children >= 0)
) STRICT;

-- Ledgers written before this migration: the same figures from their lines.
INSERT INTO journal_extent (id, dong, foreign_minor, quantity, children)
SELECT 1, coalesce(sum(abs(amount_vnd)), 0), coalesce(sum(abs(amount_foreign)), 0),
       coalesce(sum(abs(quantity)), 0), coalesce(sum(abs(children)), 0)
FROM line;

INSERT INTO holding_day (kind, subject_id, day_key, net, value_vnd, valuations, line_count)
SELECT kind, subject_id, day_key, sum(net), sum(value_vnd), sum(valuation), count(*) FROM (
    -- money accounts
    SELECT 1 AS kind, a.id AS subject_id, CAST(replace(e.entry_date, '-', '') AS INTEGER) AS day_key,
           CASE WHEN a.currency = 'VND' THEN l.amount_vnd ELSE coalesce(l.amount_foreign, 0) END AS net,
           l.amount_vnd AS value_vnd,
           CASE WHEN e.reverses_seq IS NULL AND a.currency <> 'VND' AND (l.amount_vnd < 0 OR l.amount_foreign IS NULL) THEN 1 ELSE 0 END AS valuation
    FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id
    WHERE a.type = 'asset' AND (a.code GLOB '111*' OR a.code GLOB '112*' OR a.code GLOB '113*')
    UNION ALL
    -- goods items
    SELECT 2, l.item_id, CAST(replace(e.entry_date, '-', '') AS INTEGER), l.quantity, l.amount_vnd,
           CASE WHEN e.reverses_seq IS NULL AND l.amount_vnd < 0 THEN 1 ELSE 0 END
    FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id
    WHERE l.item_id IS NOT NULL
      AND a.code = (SELECT value FROM ledger_meta WHERE key = 'setting.goods-account')
    UNION ALL
    -- grants' available money
    SELECT 3, l.grant_id, CAST(replace(e.entry_date, '-', '') AS INTEGER), -l.amount_vnd, 0, 0
    FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id
    WHERE l.grant_id IS NOT NULL
      AND (a.type IN ('revenue', 'expense') OR a.code = (SELECT value FROM ledger_meta WHERE key = 'setting.fx-difference-account'))
    UNION ALL
    -- grants' spending by program and place
    SELECT 4, (l.grant_id << 40) | (coalesce(l.program_id, 0) << 20) | coalesce(l.unit_id, 0),
           CAST(replace(e.entry_date, '-', '') AS INTEGER), -l.amount_vnd, 0, 0
    FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id
    WHERE l.grant_id IS NOT NULL AND a.type = 'expense'
      AND coalesce(l.program_id, 0) < 1048576 AND coalesce(l.unit_id, 0) < 1048576 AND l.grant_id < 8388608
)
GROUP BY kind, subject_id, day_key;

INSERT INTO holding_total (kind, subject_id, net, value_vnd, valuations, line_count, last_day)
SELECT kind, subject_id, sum(net), sum(value_vnd), sum(valuations), sum(line_count), max(day_key)
FROM holding_day GROUP BY kind, subject_id;
