-- Each event's age in days at the as-of moment; events after it never count.
-- params: $1 as-of timestamp
CREATE OR REPLACE TABLE activity_events AS
SELECT
  lead_id,
  activity_type,
  date_diff('second', occurred_at, CAST($1 AS TIMESTAMP)) / 86400.0 AS age_days
FROM activities
WHERE occurred_at <= CAST($1 AS TIMESTAMP)
