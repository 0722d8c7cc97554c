-- One registered upload (already transcoded to UTF-8 in JS) read as text columns column00…, in file order.
-- The header line is skipped here; the app maps columns by position, so odd header names never reach SQL.
-- Ragged lines and unclosed quotes land in the rejects table instead of failing the load.
-- params: file name, delimiter, rejects table, rejects scan table
CREATE OR REPLACE TABLE {{table}} AS
SELECT row_number() OVER () AS _row, *
FROM read_csv(?, all_varchar = true, header = false, skip = 1, delim = ?, quote = '"', escape = '"',
  store_rejects = true, rejects_table = ?, rejects_scan = ?, sample_size = -1)
