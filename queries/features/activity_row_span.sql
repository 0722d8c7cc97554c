-- The last _row of the activities table (0 when it is empty), for building activity_events by ranges.
SELECT CAST(coalesce(max(_row), 0) AS BIGINT) AS last FROM activities
