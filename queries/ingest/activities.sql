-- The canonical activities table (activity_rows.sql), built a chunk of the streamed upload at a time
-- (src/ingest/streamedUpload.ts): the first chunk creates the table, activities_more.sql appends the others.
-- params: $1 the load day, $2 the occurred_at day/month order, $3 … $4 the range of _row
CREATE OR REPLACE TABLE activities AS
SELECT * FROM activity_rows($1, $2, $3, $4)
