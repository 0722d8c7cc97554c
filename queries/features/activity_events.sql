-- Every aged activity event (aged_events.sql), built a range of activity rows at a time so DuckDB's wasm
-- heap holds one range's join result uncompressed, not all of them: the first range creates the table,
-- activity_events_more.sql appends the others.
-- params: $1 end of the data (timestamp), $2 observation window in days or NULL, $3 snapshot or NULL,
-- $4 … $5 the range of activities._row
CREATE OR REPLACE TABLE activity_events AS
SELECT * FROM aged_events($1, $2, $3, $4, $5)
