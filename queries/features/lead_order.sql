-- Each lead's position in lead_id order (the kernel's order, lead_features._idx), sorted on the ids alone:
-- lead_features is then built a range of positions at a time (lead_feature_rows.sql) instead of sorting
-- every column of every lead at once in DuckDB's wasm heap, which never shrinks.
CREATE OR REPLACE TABLE lead_order AS
SELECT lead_id, row_number() OVER (ORDER BY lead_id) AS _idx
FROM leads
