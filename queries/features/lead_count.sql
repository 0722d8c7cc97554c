-- How many leads lead_features holds (its positions _idx run 1 … n).
SELECT CAST(count(*) AS BIGINT) AS n FROM lead_features
