-- The activity types in the data with their event counts (the rule editor's event picker).
SELECT activity_type AS value, count(*) AS n
FROM activities
GROUP BY 1
ORDER BY n DESC, value
LIMIT 300
