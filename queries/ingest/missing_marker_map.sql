-- The missing_markers table as one session variable, column key → marker list, so unmark.sql looks the
-- markers up as a constant instead of joining the table once per column and scan.
SET VARIABLE missing_markers = (
  SELECT map(list(column_key), list(markers))
  FROM (SELECT column_key, list(marker) AS markers FROM missing_markers GROUP BY column_key)
)
