-- Events whose lead is not in the leads file (the rest of an activity row's problems: activity_problems.sql).
SELECT a._row AS "row", 'lead_id' AS role, a.lead_id AS raw, 'unknown_lead' AS problem
FROM activities a
ANTI JOIN leads l ON l.lead_id = a.lead_id
ORDER BY a._row
