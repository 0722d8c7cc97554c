-- The distinct values of one lead column with their lead counts, most frequent first (the rule editor's
-- value picker). {{column}} is an allow-listed canonical column, quoted.
SELECT CAST({{column}} AS VARCHAR) AS value, count(*) AS n
FROM lead_features
WHERE {{column}} IS NOT NULL
GROUP BY 1
ORDER BY n DESC, value
LIMIT 300
