-- A fund's closing state (cpf init --successor-of, docs/fund-network.md): every balance
-- through :through (ISO date), by account, currency, funder, grant, program, unit and
-- restriction — nothing netted away — in dong and in the line's own currency. The goods
-- account (:goods_account) is left out: goods are carried lot by lot (GoodsLotTrace).
-- The successor's opening entry carries these rows, and `cpf verify --predecessors`
-- recomputes them to prove it.
SELECT a.code,
       coalesce(l.currency, '')        AS currency,
       coalesce(f.code, '')            AS funder,
       coalesce(g.code, '')            AS grant_code,
       coalesce(p.code, '')            AS program,
       coalesce(u.code, '')            AS unit,
       l.restriction,
       sum(l.amount_vnd)               AS amount_vnd,
       sum(coalesce(l.amount_foreign, 0)) AS amount_foreign
FROM line l
JOIN entry e ON e.seq = l.entry_seq
JOIN account a ON a.id = l.account_id
LEFT JOIN funder f ON f.id = l.funder_id
LEFT JOIN "grant" g ON g.id = l.grant_id
LEFT JOIN program p ON p.id = l.program_id
LEFT JOIN org_unit u ON u.id = l.unit_id
WHERE e.entry_date <= :through AND a.code <> :goods_account
GROUP BY 1, 2, 3, 4, 5, 6, 7
HAVING sum(l.amount_vnd) <> 0 OR sum(coalesce(l.amount_foreign, 0)) <> 0
ORDER BY 1, 2, 3, 4, 5, 6, 7;
