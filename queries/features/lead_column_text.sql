-- One lead column as text, in the kernel's lead order (lead_id), '' when missing: a bias segment column.
-- {{column}} is an allow-listed canonical column, quoted.
SELECT coalesce(CAST({{column}} AS VARCHAR), '') AS value
FROM lead_features
ORDER BY lead_id
