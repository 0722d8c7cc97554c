-- Activity rows left out of the activities table (classified; only those rows are re-parsed), and events
-- whose lead is not in the leads file, and ids in scientific notation. params: $1 the occurred_at day/month order
SELECT _row AS "row", role, raw, problem FROM (
  SELECT
    m._row,
    CASE
      WHEN nullif(trim(m.lead_id), '') IS NULL THEN 'lead_id'
      WHEN nullif(trim(m.activity_type), '') IS NULL THEN 'activity_type'
      ELSE 'occurred_at'
    END AS role,
    CASE
      WHEN nullif(trim(m.lead_id), '') IS NULL THEN coalesce(r.lead_id, '')
      WHEN nullif(trim(m.activity_type), '') IS NULL THEN coalesce(r.activity_type, '')
      ELSE coalesce(r.occurred_at, '')
    END AS raw,
    CASE
      WHEN nullif(trim(m.lead_id), '') IS NULL THEN 'missing_id'
      WHEN nullif(trim(m.activity_type), '') IS NULL THEN 'missing_value'
      WHEN nullif(trim(m.occurred_at), '') IS NULL THEN 'missing_value'
      ELSE date_problem(m.occurred_at, $1)
    END AS problem
  FROM clean_activities m
  JOIN mapped_activities r USING (_row)
  ANTI JOIN activities a ON a._row = m._row
  UNION ALL
  SELECT a._row, 'lead_id', a.lead_id, 'unknown_lead'
  FROM activities a
  ANTI JOIN leads l ON l.lead_id = a.lead_id
  UNION ALL
  SELECT _row, 'activity_id', activity_id, 'scientific_id' FROM clean_activities WHERE scientific_id(activity_id)
  UNION ALL
  SELECT _row, 'lead_id', lead_id, 'scientific_id' FROM clean_activities WHERE scientific_id(lead_id)
)
ORDER BY _row, role
