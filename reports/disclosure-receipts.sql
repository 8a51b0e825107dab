-- Public disclosure, receipts (công khai các khoản thu) over the report period
-- (period-totals.sql): by donor, with the donor's source (funder kind), split into money and
-- goods in kind (credited to :in_kind_account, or naming an item: goods passed on by another
-- fund, docs/fund-network.md), in dong. Receipts naming no funder (interest,
-- other lawful income) are grouped by account.
SELECT coalesce(f.code, '')                                     AS funder,
       coalesce(f.name, a.name_vi)                              AS name,
       coalesce(f.kind, 'other')                                AS source,
       coalesce(f.name, a.name_en)                              AS name_en,
       sum(CASE WHEN a.code = :in_kind_account OR t.item_id <> 0 THEN 0 ELSE t.credit_vnd - t.debit_vnd END) AS money_vnd,
       sum(CASE WHEN a.code = :in_kind_account OR t.item_id <> 0 THEN t.credit_vnd - t.debit_vnd ELSE 0 END) AS in_kind_vnd
FROM period_totals t
JOIN account a ON a.id = t.account_id
LEFT JOIN funder f ON f.id = t.funder_id
WHERE a.type = 'revenue'
GROUP BY t.funder_id, CASE WHEN t.funder_id = 0 THEN a.id END
HAVING money_vnd <> 0 OR in_kind_vnd <> 0
ORDER BY source, money_vnd + in_kind_vnd DESC, name;
