-- Each event of activities rows lo … hi aged in days at its lead's as-of moment; events after that moment
-- never count. As-of = the snapshot moment for everyone when one is given; else created_at + the
-- observation window (capped at the data's end), or the data's end for everyone when the window is NULL
-- (current scores). activity_events.sql and activity_events_more.sql build the table a range at a time.
CREATE OR REPLACE MACRO aged_events(data_end, window_days, snapshot, lo, hi) AS TABLE
WITH as_of AS (
  SELECT
    lead_id,
    CASE
      WHEN snapshot IS NOT NULL THEN least(CAST(snapshot AS TIMESTAMP), CAST(data_end AS TIMESTAMP))
      WHEN window_days IS NULL OR created_at IS NULL THEN CAST(data_end AS TIMESTAMP)
      ELSE least(CAST(created_at AS TIMESTAMP) + to_days(CAST(window_days AS INTEGER)), CAST(data_end AS TIMESTAMP))
    END AS as_of
  FROM lead_features
)
SELECT
  a.lead_id,
  a.activity_type,
  date_diff('second', a.occurred_at, o.as_of) / 86400.0 AS age_days
FROM activities a
JOIN as_of o ON o.lead_id = a.lead_id
WHERE a._row BETWEEN lo AND hi AND a.occurred_at <= o.as_of
