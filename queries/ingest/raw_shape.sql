-- An empty raw table with a CSV upload's columns (_row, then column0 … as text, from the read_csv
-- `columns` struct of fixed internal names), for the views over a streamed upload before its first chunk.
CREATE OR REPLACE TABLE {{table}} AS
SELECT CAST(0 AS BIGINT) AS _row, unnest({{columns}})
LIMIT 0
