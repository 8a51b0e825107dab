-- 014 — Where each hand-out's goods came from, kept as the journal is written
-- (docs/goods-lots.md).
--
-- Goods handed out are drawn from their item's lots first in, first out, and each lot's share
-- is shared among the hand-out's spending lines (its lines on expense accounts) in proportion
-- to their amounts. A row is one lot's share of one spending line for one goods line of a
-- hand-out: the units, their value and the child-instances, with the lot's owner (its donor
-- and grant, 0 for the fund's own goods) and the spending line's account, program and place
-- (0 for none). A reversal of a hand-out cancels each of its rows with a row of its own,
-- negated, dated on the reversal.
--
-- The posting rules refuse any goods movement dated before a hand-out already posted, so the
-- lots a hand-out drew from never change: posting writes a hand-out's rows once, in the same
-- transaction as its lines. Donor statements and consolidated books read them instead of
-- replaying every lot. Derived data: `cpf verify` replays the lots from the lines and compares.
-- Books written before this table are filled when it is created (`GoodsUses.fill`).
CREATE TABLE goods_use (
    entry_seq      INTEGER NOT NULL,
    goods_line     INTEGER NOT NULL,
    spending_line  INTEGER NOT NULL,
    lot_seq        INTEGER NOT NULL,
    lot_line       INTEGER NOT NULL,
    day_key        INTEGER NOT NULL CHECK (day_key BETWEEN 19000101 AND 21991231),
    item_id        INTEGER NOT NULL,
    funder_id      INTEGER NOT NULL,
    grant_id       INTEGER NOT NULL,
    account_id     INTEGER NOT NULL,
    program_id     INTEGER NOT NULL,
    unit_id        INTEGER NOT NULL,
    names_donor    INTEGER NOT NULL CHECK (names_donor IN (0, 1)),
    quantity       INTEGER NOT NULL,
    value_vnd      INTEGER NOT NULL,
    children       INTEGER NOT NULL,
    PRIMARY KEY (entry_seq, goods_line, spending_line, lot_seq, lot_line)
) STRICT, WITHOUT ROWID;
