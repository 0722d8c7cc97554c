-- The columns of one raw upload in file order (column i of the table is field i of the file).
-- params: raw table name
SELECT column_name AS name
FROM duckdb_columns()
WHERE table_name = ? AND column_name <> '_row'
ORDER BY column_index
