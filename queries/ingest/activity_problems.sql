-- Activity rows $2 … $3 (the chunk of the streamed upload in the raw table) left out of the activities
-- table (classified; only those rows are re-parsed), and ids in scientific notation. Events whose lead is
-- not in the leads file: activity_unknown_leads.sql, once every chunk is in.
-- params: $1 the occurred_at day/month order, $2 … $3 the range of _row
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
  ANTI JOIN (SELECT _row FROM activities WHERE _row BETWEEN $2 AND $3) a ON a._row = m._row
  WHERE m._row BETWEEN $2 AND $3
  UNION ALL
  SELECT _row, 'activity_id', activity_id, 'scientific_id' FROM clean_activities
  WHERE _row BETWEEN $2 AND $3 AND scientific_id(activity_id)
  UNION ALL
  SELECT _row, 'lead_id', lead_id, 'scientific_id' FROM clean_activities
  WHERE _row BETWEEN $2 AND $3 AND scientific_id(lead_id)
)
ORDER BY _row, role
