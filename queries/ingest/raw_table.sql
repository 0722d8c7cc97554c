-- A table read in JS (XLSX, JSON, Parquet; inserted from Arrow as {{staging}}) as the raw upload table:
-- _row (the row number the user knows: Excel row, record number) then column0 … as text, the shape
-- raw_file.sql gives a CSV upload.
CREATE OR REPLACE TABLE {{table}} AS
SELECT CAST(_row AS BIGINT) AS _row, * EXCLUDE (_row)
FROM {{staging}}
ORDER BY _row
