-- The canonical activities table (activity_rows.sql), built a range of upload rows at a time so DuckDB's
-- wasm heap holds one range's parsed rows, not all of them: the first range creates the table,
-- activities_more.sql appends the others.
-- params: $1 the load day, $2 the occurred_at day/month order, $3 … $4 the range of _row
CREATE OR REPLACE TABLE activities AS
SELECT * FROM activity_rows($1, $2, $3, $4)
