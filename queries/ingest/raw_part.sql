-- One chunk of a streamed upload (src/ingest/streamedUpload.ts) as the whole raw table, replacing the chunk
-- before: read as raw_file.sql reads the first chunk, with _row going on from the rows of the chunks before.
-- params: rows before this chunk, file name, lines to skip (1 for the header), delimiter, rejects table,
-- rejects scan table
CREATE OR REPLACE TABLE {{table}} AS
SELECT row_number() OVER () + CAST(? AS BIGINT) AS _row, *
FROM read_csv(?, auto_detect = false, columns = {{columns}}, header = false, skip = ?, delim = ?,
  quote = '"', escape = '"', store_rejects = true, rejects_table = ?, rejects_scan = ?)
