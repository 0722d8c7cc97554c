-- Every value of every column of one raw upload with its count (the data-quality panel's one scan):
-- col is the raw column name, value the trimmed text (NULL for empty or blank cells).
-- Grouping the raw cells first and trimming the distinct ones keeps the scan cheap at a million rows.
CREATE OR REPLACE TEMP TABLE quality_counts AS
SELECT col, nullif(trim(v), '') AS value, sum(n) AS n
FROM (
  SELECT col, v, count(*) AS n
  FROM (UNPIVOT (SELECT * EXCLUDE (_row) FROM {{table}}) ON COLUMNS(*) INTO NAME col VALUE v)
  GROUP BY ALL
)
GROUP BY ALL
