-- Per column of the counted upload (value_counts.sql): filled cells and distinct filled values.
-- A column whose cells are all empty has no row here (UNPIVOT leaves NULL cells out).
SELECT col, CAST(coalesce(sum(n) FILTER (WHERE value IS NOT NULL), 0) AS BIGINT) AS filled,
  count(value) AS distinct_values
FROM quality_counts
GROUP BY col
ORDER BY col
