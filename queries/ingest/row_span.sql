-- The first and last _row of a mapped upload view (1 and 0 when it is empty), for building a canonical
-- table a range of rows at a time.
SELECT coalesce(min(_row), 1) AS first, coalesce(max(_row), 0) AS last FROM {{view}}
