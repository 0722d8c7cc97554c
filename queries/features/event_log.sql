-- Every aged activity event (activity_events) as the kernel reads it: the lead's position in lead_id
-- order (0-based), the activity type's code (its position in event_log_types) and the age in days. The
-- kernel applies each rule's decay to these ages itself, so a decay edit never comes back to SQL.
WITH types AS (
  SELECT activity_type, CAST(row_number() OVER (ORDER BY activity_type) - 1 AS INTEGER) AS code
  FROM (SELECT DISTINCT activity_type FROM activity_events)
)
SELECT CAST(f._idx - 1 AS INTEGER) AS lead, t.code, a.age_days AS age
FROM activity_events a
JOIN lead_features f ON f.lead_id = a.lead_id
JOIN types t ON t.activity_type = a.activity_type
