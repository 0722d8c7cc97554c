-- The canonical activities rows of the uploads' rows lo … hi (_row), in file order: one dated event per
-- row, type lower-cased. Reads clean_activities.
-- The parse runs once per row (a materialised CTE, so the filter does not evaluate it a second time).
-- An event dated by a placeholder or after the load day is left out (reported by activity_problems.sql).
CREATE OR REPLACE MACRO activity_rows(today, date_order, lo, hi) AS TABLE
WITH parsed AS MATERIALIZED (
  SELECT
    _row,
    trim(lead_id) AS lead_id,
    lower(trim(activity_type)) AS activity_type,
    usable_date(parse_timestamp(occurred_at, date_order), today) AS occurred_at
  FROM clean_activities
  WHERE _row BETWEEN lo AND hi
)
SELECT _row, lead_id, activity_type, occurred_at
FROM parsed
WHERE coalesce(lead_id, '') <> '' AND coalesce(activity_type, '') <> '' AND occurred_at IS NOT NULL
