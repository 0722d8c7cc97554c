-- Appends the aged events of activities rows $4 … $5 (see activity_events.sql).
-- params: $1 end of the data (timestamp), $2 observation window in days or NULL, $3 snapshot or NULL,
-- $4 … $5 the range of activities._row
INSERT INTO activity_events
SELECT * FROM aged_events($1, $2, $3, $4, $5)
