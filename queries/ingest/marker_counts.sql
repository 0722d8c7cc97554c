-- How many cells of each column of one mapped view are each of the column's missing-value markers (an
-- empty cell counts as ''); marker is the first spelling in sort order ("NA" for NA/na).
-- Unmapped columns (all NULL) come out as '' and are left out by the caller.
-- params: $1 the file kind (column keys are '<kind>.<role>')
WITH cells AS (
  SELECT role, lower(trim(value)) AS key, min(trim(value)) AS marker, count(*) AS n
  FROM (UNPIVOT (SELECT coalesce(COLUMNS(* EXCLUDE (_row)), '') FROM {{view}}) ON COLUMNS(*) INTO NAME role VALUE value)
  GROUP BY role, lower(trim(value))
)
SELECT $1 || '.' || c.role AS column_key, c.marker, c.n
FROM cells c
JOIN missing_markers m ON m.column_key = $1 || '.' || c.role AND m.marker = c.key
ORDER BY column_key, c.n DESC, c.marker
