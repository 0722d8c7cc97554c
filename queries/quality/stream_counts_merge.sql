-- Adds one chunk's value counts (quality_counts, value_counts.sql) to the streamed upload's, except the
-- columns that already have too many distinct values to count (chr(31)-joined in $1).
CREATE OR REPLACE TEMP TABLE stream_quality_counts AS
SELECT col, value, CAST(sum(n) AS BIGINT) AS n
FROM (
  SELECT col, value, n FROM stream_quality_counts
  UNION ALL
  SELECT col, value, CAST(n AS BIGINT) FROM quality_counts
  WHERE NOT list_contains(string_split($1, chr(31)), col)
)
GROUP BY ALL
