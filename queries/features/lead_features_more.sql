-- Appends the leads at positions $3 … $4 to lead_features (see lead_features.sql).
-- params: $1 data end date (DATE), $2 aging-out horizon in days, $3 first and $4 last position
INSERT INTO lead_features
SELECT * FROM lead_feature_rows(CAST($1 AS DATE), $2, $3, $4)
