-- Activity rows left out of the activities table (classified; only those rows are re-parsed), and events
-- whose lead is not in the leads file.
SELECT _row AS "row", role, raw, problem FROM (
  SELECT
    m._row,
    CASE
      WHEN nullif(trim(m.lead_id), '') IS NULL THEN 'lead_id'
      WHEN nullif(trim(m.activity_type), '') IS NULL THEN 'activity_type'
      ELSE 'occurred_at'
    END AS role,
    CASE
      WHEN nullif(trim(m.lead_id), '') IS NULL THEN coalesce(m.lead_id, '')
      WHEN nullif(trim(m.activity_type), '') IS NULL THEN coalesce(m.activity_type, '')
      ELSE coalesce(m.occurred_at, '')
    END AS raw,
    CASE
      WHEN nullif(trim(m.lead_id), '') IS NULL THEN 'missing_id'
      WHEN nullif(trim(m.activity_type), '') IS NULL THEN 'missing_value'
      ELSE 'bad_date'
    END AS problem
  FROM mapped_activities m
  ANTI JOIN activities a ON a._row = m._row
  UNION ALL
  SELECT a._row, 'lead_id', a.lead_id, 'unknown_lead'
  FROM activities a
  ANTI JOIN leads l ON l.lead_id = a.lead_id
)
ORDER BY _row, role
