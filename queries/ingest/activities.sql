-- The canonical activities table: one dated event per row, type lower-cased.
CREATE OR REPLACE TABLE activities AS
SELECT
  _row,
  trim(lead_id) AS lead_id,
  lower(trim(activity_type)) AS activity_type,
  parse_timestamp(occurred_at) AS occurred_at
FROM mapped_activities
WHERE nullif(trim(lead_id), '') IS NOT NULL
  AND nullif(trim(activity_type), '') IS NOT NULL
  AND parse_timestamp(occurred_at) IS NOT NULL
