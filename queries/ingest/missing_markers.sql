-- The missing-value markers of every mapped column, one row per (column, marker); lower-cased, trimmed.
-- column_key is '<kind>.<role>' (e.g. 'leads.industry'). Built from src/ingest/missing.ts.
-- params: $1 column keys, $2 markers (chr(31)-joined, pairwise)
CREATE OR REPLACE TABLE missing_markers AS
SELECT unnest(string_split($1, chr(31))) AS column_key, unnest(string_split($2, chr(31))) AS marker
