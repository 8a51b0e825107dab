-- Consolidated books (cpf consolidate, docs/fund-network.md), one fund's goods handed out on
-- its own programs from lots a donor gave without a grant, from :from_day to :to_day
-- (yyyymmdd), by the lot's donor: the value and the child-instances. The fund's spending lines
-- name no donor, so network-donors.sql counts them as the fund's own money; consolidation
-- moves them to the donor of the lot (docs/goods-lots.md). Read from goods_use (migration
-- 014), where each hand-out's share of each lot is kept as it is posted.
--
-- Parameters: :from_day, :to_day.
SELECT f.code,
       f.name,
       sum(u.value_vnd)  AS value_vnd,
       sum(u.children)   AS children
FROM goods_use u
JOIN funder f ON f.id = u.funder_id
WHERE u.day_key BETWEEN :from_day AND :to_day
  AND u.program_id <> 0
  AND u.names_donor = 0
  AND u.grant_id = 0
GROUP BY f.code
ORDER BY f.code;
