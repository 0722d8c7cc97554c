-- One row per lead, in lead_id order (lead_feature_rows.sql): the first range of positions creates the
-- table, lead_features_more.sql appends the others.
-- params: $1 data end date (DATE), $2 aging-out horizon in days, $3 last position of the range
CREATE OR REPLACE TABLE lead_features AS
SELECT * FROM lead_feature_rows(CAST($1 AS DATE), $2, 1, $3)
