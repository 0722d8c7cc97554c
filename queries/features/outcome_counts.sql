-- Leads per outcome (won / lost / open).
SELECT outcome, count(*) AS n FROM lead_features GROUP BY outcome ORDER BY outcome
