-- Appends the activities of the upload rows $3 … $4 (see activities.sql).
-- params: $1 the load day, $2 the occurred_at day/month order, $3 … $4 the range of _row
INSERT INTO activities
SELECT * FROM activity_rows($1, $2, $3, $4)
