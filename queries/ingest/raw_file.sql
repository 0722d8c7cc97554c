-- The first chunk of a registered upload (UTF-8; see src/ingest/csvChunks.ts) read as text columns
-- column0…, in file order; raw_chunk.sql appends the others. The header line is skipped here; the app maps
-- columns by position, so odd header names never reach SQL.
-- Nothing is sniffed (auto_detect = false, {{columns}} counted in JS): DuckDB's sniffer fails the whole
-- file on one unclosed quote. Ragged lines and an unclosed quote (with any lines it swallowed) land in
-- the rejects table instead.
-- params: file name, delimiter, rejects table, rejects scan table
CREATE OR REPLACE TABLE {{table}} AS
SELECT row_number() OVER () AS _row, *
FROM read_csv(?, auto_detect = false, columns = {{columns}}, header = false, skip = 1, delim = ?,
  quote = '"', escape = '"', store_rejects = true, rejects_table = ?, rejects_scan = ?)
