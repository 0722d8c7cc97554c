-- The five most frequent filled values per column of the counted upload (ties by value), with counts.
SELECT col, top.value AS value, CAST(-top.neg AS BIGINT) AS n
FROM (
  SELECT col, unnest(min({'neg': -n, 'value': value}, 5)) AS top
  FROM quality_counts
  WHERE value IS NOT NULL
  GROUP BY col
)
ORDER BY col, n DESC, value
