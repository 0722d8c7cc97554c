-- How many cells of each column of one mapped view are each of the column's missing-value markers (an
-- empty cell counts as ''); marker is the first spelling in sort order ("NA" for NA/na).
-- Unmapped columns (all NULL) come out as '' and are left out by the caller.
-- params: $1 the file kind (column keys are '<kind>.<role>')
-- Cells are matched against the markers before they are grouped, so only marker cells are counted (grouping
-- every distinct value of 7M activity rows ran out of memory).
WITH cells AS (
  SELECT role, lower(trim(value)) AS key, trim(value) AS spelled
  FROM (UNPIVOT (SELECT coalesce(COLUMNS(* EXCLUDE (_row)), '') FROM {{view}}) ON COLUMNS(*) INTO NAME role VALUE value)
)
SELECT $1 || '.' || c.role AS column_key, min(c.spelled) AS marker, count(*) AS n
FROM cells c
JOIN missing_markers m ON m.column_key = $1 || '.' || c.role AND m.marker = c.key
GROUP BY c.role, c.key
ORDER BY column_key, n DESC, marker
