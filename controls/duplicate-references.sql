-- Control duplicate-references (cpf audit, docs/audit.md). 

SELECT external_ref, group_concat(seq) FROM entry WHERE external_ref IS NOT NULL GROUP BY external_ref HAVING count(*) > 1 ORDER BY min(seq)
