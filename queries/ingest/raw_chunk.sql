-- A later chunk of a registered upload (no header line) appended to the raw table raw_file.sql created,
-- read exactly as the first chunk; _row goes on from the rows already loaded.
-- params: rows already loaded, file name, delimiter, rejects table, rejects scan table
INSERT INTO {{table}}
SELECT row_number() OVER () + CAST(? AS BIGINT) AS _row, *
FROM read_csv(?, auto_detect = false, columns = {{columns}}, header = false, skip = 0, delim = ?,
  quote = '"', escape = '"', store_rejects = true, rejects_table = ?, rejects_scan = ?)
