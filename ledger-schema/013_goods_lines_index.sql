-- 013 — The goods lines found without reading the journal (docs/goods-lots.md): the goods lots
-- are replayed from the goods lines alone (reports/goods-movements.sql), and the donor
-- statements share each hand-out among its spending lines (reports/goods-outflow-uses.sql).
-- Goods lines are a small part of the journal; this index lists only them, so writing any
-- other line costs nothing more.
CREATE INDEX line_goods ON line (item_id, entry_seq) WHERE item_id IS NOT NULL;
