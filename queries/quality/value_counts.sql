-- Every value of every column of raw upload rows $1 … $2 with its count (the data-quality panel's counts,
-- summed over the upload's parts by src/ingest/qualityStream.ts): col is the raw column name, value the
-- trimmed text (NULL for empty or blank cells).
-- Grouping the raw cells first and trimming the distinct ones keeps the scan cheap at a million rows.
-- The columns no longer counted (chr(31)-joined in $3) count only filled cells: each is chr(0).
-- params: $1 … $2 the range of _row, $3 the columns not counted
CREATE OR REPLACE TEMP TABLE quality_counts AS
SELECT col, nullif(trim(v), '') AS value, sum(n) AS n
FROM (
  SELECT col,
    CASE
      WHEN NOT list_contains(string_split($3, chr(31)), col) THEN v
      WHEN trim(v) = '' THEN ''
      ELSE chr(0)
    END AS v,
    count(*) AS n
  FROM (
    UNPIVOT (SELECT * EXCLUDE (_row) FROM {{table}} WHERE _row BETWEEN $1 AND $2)
    ON COLUMNS(*) INTO NAME col VALUE v
  )
  GROUP BY ALL
)
GROUP BY ALL
