-- Empties a streamed upload's raw table once the load is done with it; its columns stay for the views.
CREATE OR REPLACE TABLE {{table}} AS
SELECT * FROM {{table}}
LIMIT 0
