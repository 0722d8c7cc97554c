-- Rows of one raw upload table.
SELECT count(*) AS n FROM {{table}}
