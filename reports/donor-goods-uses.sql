-- Where one funder's goods in kind went (donor statement, docs/goods-lots.md), from :from_day
-- to :to_day (yyyymmdd): by item, program and place, the units drawn from the funder's lots,
-- the child-instances and their value, read from goods_use (migration 014). Spending with no
-- program is shown under its account's name, one row per account. Rows come in the order the
-- goods first went there, then by item, program and place; a row whose figures net to zero (a
-- hand-out reversed in the period) is left out.
--
-- Parameters: :funder_id, :from_day, :to_day.
SELECT coalesce(i.name_en, '#' || u.item_id)   AS item_en,
       coalesce(i.name_vi, '#' || u.item_id)   AS item_vi,
       coalesce(p.code, '')                    AS program,
       coalesce(p.name_en, a.name_en)          AS program_en,
       coalesce(p.name_vi, a.name_vi)          AS program_vi,
       coalesce(o.code, '')                    AS unit,
       coalesce(o.name, '')                    AS unit_name,
       sum(u.quantity)                         AS quantity,
       sum(u.children)                         AS children,
       sum(u.value_vnd)                        AS value_vnd
FROM goods_use u
JOIN account a ON a.id = u.account_id
LEFT JOIN goods_item i ON i.id = u.item_id
LEFT JOIN program p ON p.id = u.program_id
LEFT JOIN org_unit o ON o.id = u.unit_id
WHERE u.funder_id = :funder_id
  AND u.day_key BETWEEN :from_day AND :to_day
GROUP BY u.item_id, u.program_id, u.unit_id, CASE WHEN u.program_id = 0 THEN u.account_id ELSE 0 END
HAVING sum(u.quantity) <> 0 OR sum(u.children) <> 0 OR sum(u.value_vnd) <> 0
ORDER BY min(u.day_key), u.item_id, program, unit;
