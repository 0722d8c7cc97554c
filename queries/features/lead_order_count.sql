-- How many leads lead_order numbers (the last position).
SELECT count(*) AS n FROM lead_order
