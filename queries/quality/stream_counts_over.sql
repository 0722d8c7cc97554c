-- The streamed upload's columns with more than $1 distinct values so far: they stop being counted.
SELECT col
FROM stream_quality_counts
GROUP BY col
HAVING count(*) > $1
ORDER BY col
