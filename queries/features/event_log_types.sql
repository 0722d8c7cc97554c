-- The activity types of activity_events in code order (event_log's type codes index this list).
SELECT DISTINCT activity_type FROM activity_events ORDER BY activity_type
