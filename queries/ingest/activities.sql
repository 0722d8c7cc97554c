-- The canonical activities table: one dated event per row, type lower-cased. The parse runs once per row
-- (a materialised CTE, so the filter does not evaluate it a second time).
CREATE OR REPLACE TABLE activities AS
WITH parsed AS MATERIALIZED (
  SELECT
    _row,
    trim(lead_id) AS lead_id,
    lower(trim(activity_type)) AS activity_type,
    parse_timestamp(occurred_at) AS occurred_at
  FROM mapped_activities
)
SELECT _row, lead_id, activity_type, occurred_at
FROM parsed
WHERE coalesce(lead_id, '') <> '' AND coalesce(activity_type, '') <> '' AND occurred_at IS NOT NULL
