-- Activity rows left out of the activities table, and events whose lead is not in the leads file.
SELECT _row AS "row", role, raw, problem FROM (
  SELECT _row, 'lead_id' AS role, coalesce(lead_id, '') AS raw, 'missing_id' AS problem
    FROM mapped_activities WHERE nullif(trim(lead_id), '') IS NULL
  UNION ALL
  SELECT _row, 'activity_type', coalesce(activity_type, ''), 'missing_value' FROM mapped_activities
    WHERE nullif(trim(lead_id), '') IS NOT NULL AND nullif(trim(activity_type), '') IS NULL
  UNION ALL
  SELECT _row, 'occurred_at', coalesce(occurred_at, ''), 'bad_date' FROM mapped_activities
    WHERE nullif(trim(lead_id), '') IS NOT NULL AND parse_timestamp(occurred_at) IS NULL
  UNION ALL
  SELECT _row, 'lead_id', lead_id, 'unknown_lead' FROM mapped_activities m
    WHERE nullif(trim(lead_id), '') IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM leads l WHERE l.lead_id = trim(m.lead_id))
)
ORDER BY _row, role
