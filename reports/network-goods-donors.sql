-- Consolidated books (cpf consolidate, docs/fund-network.md), one fund's goods handed out on
-- its own programs from lots a donor gave without a grant, from :from_day to :to_day
-- (yyyymmdd), by the lot's donor: the value and the child-instances. The fund's spending lines
-- name no donor, so network-donors.sql counts them as the fund's own money; consolidation
-- moves them to the donor of the lot (docs/goods-lots.md). Read from goods_use (migration
-- 014), where each hand-out's share of each lot is kept as it is posted.
--
-- Parameters: :from_day, :to_day.
-- The rows are summed by donor before the donor is looked up.
WITH moved AS (
    SELECT funder_id, sum(value_vnd) AS value_vnd, sum(children) AS children
    FROM goods_use
    WHERE day_key BETWEEN :from_day AND :to_day
      AND program_id <> 0
      AND names_donor = 0
      AND grant_id = 0
      AND funder_id <> 0
    GROUP BY funder_id
)
SELECT f.code, f.name, m.value_vnd, m.children
FROM moved m
JOIN funder f ON f.id = m.funder_id
ORDER BY f.code;
