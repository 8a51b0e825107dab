-- Every movement of goods on the goods account through a date, in the order goods lots are
-- drawn (docs/goods-lots.md): by date, then entry, then line. A positive quantity brings units
-- in (a receipt in kind opens its donor's lot; a reversal returns what its original took); a
-- negative one takes them out. Only the days on which some goods item moved are read
-- (holding_day, kind 2), through the entry_date index — every day when :all_days is true (a
-- transaction whose own goods days are not in holding_day yet).
--
-- Parameters: :goods_account_id, :to_date (ISO date), :to_day (yyyymmdd), :item_id (NULL: every
-- item), :all_days.
SELECT e.seq,
       e.entry_date,
       coalesce(e.reverses_seq, 0)  AS reverses_seq,
       l.line_no,
       l.item_id,
       l.quantity,
       l.amount_vnd,
       coalesce(l.funder_id, 0)     AS funder_id,
       coalesce(l.grant_id, 0)      AS grant_id,
       l.restriction
FROM entry e
JOIN line l ON l.entry_seq = e.seq
WHERE (:all_days OR e.entry_date IN (SELECT DISTINCT printf('%04d-%02d-%02d', day_key / 10000, day_key / 100 % 100, day_key % 100)
                                     FROM holding_day WHERE kind = 2 AND day_key <= :to_day
                                       AND (:item_id IS NULL OR subject_id = :item_id)))
  AND e.entry_date <= :to_date
  AND l.account_id = :goods_account_id
  AND l.item_id IS NOT NULL
  AND (:item_id IS NULL OR l.item_id = :item_id)
ORDER BY e.entry_date, e.seq, l.line_no;
