-- Each event's age in days at its lead's as-of moment; events after that moment never count.
-- As-of = the snapshot moment for everyone when one is given; else created_at + the observation window
-- (capped at the data's end), or the data's end for everyone when the window is NULL (current scores).
-- params: $1 end of the data (timestamp), $2 observation window in days or NULL, $3 snapshot or NULL
CREATE OR REPLACE TABLE activity_events AS
WITH as_of AS (
  SELECT
    lead_id,
    CASE
      WHEN $3 IS NOT NULL THEN least(CAST($3 AS TIMESTAMP), CAST($1 AS TIMESTAMP))
      WHEN $2 IS NULL OR created_at IS NULL THEN CAST($1 AS TIMESTAMP)
      ELSE least(CAST(created_at AS TIMESTAMP) + to_days(CAST($2 AS INTEGER)), CAST($1 AS TIMESTAMP))
    END AS as_of
  FROM lead_features
)
SELECT
  a.lead_id,
  a.activity_type,
  date_diff('second', a.occurred_at, o.as_of) / 86400.0 AS age_days
FROM activities a
JOIN as_of o ON o.lead_id = a.lead_id
WHERE a.occurred_at <= o.as_of
