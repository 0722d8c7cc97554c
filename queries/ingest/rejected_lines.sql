-- Lines the CSV reader rejected, one row per line (the reader logs one error per missing column).
-- line is the 1-based line of the file (header = line 1); the raw text loses its line-break characters.
SELECT
  CAST(line AS INTEGER) AS line,
  first(error_type ORDER BY column_idx) AS error_type,
  trim(first(csv_line ORDER BY column_idx), chr(13) || chr(10)) AS raw
FROM {{rejects}}
GROUP BY line
ORDER BY line
