-- One numeric lead column in the kernel's lead order (lead_id), NaN when missing: a bias segment column
-- cut into bands. {{column}} is an allow-listed canonical column, quoted.
SELECT coalesce(CAST({{column}} AS DOUBLE), CAST('NaN' AS DOUBLE)) AS value
FROM lead_features
ORDER BY lead_id
