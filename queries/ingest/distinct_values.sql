-- Distinct trimmed values of one mapped text column with their counts (stage and boolean value mapping).
SELECT trim({{column}}) AS value, count(*) AS n
FROM {{view}}
WHERE nullif(trim({{column}}), '') IS NOT NULL
GROUP BY 1
ORDER BY n DESC, value
LIMIT 500
