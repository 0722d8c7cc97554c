-- Won revenue per lead and currency, with the day the lead was won, for ROI: amounts in different
-- currencies are kept apart here and converted (or left out) in the app, never summed silently.
-- lead = the lead's position in lead_id order (the kernel's index); won_day = days since 1970-01-01.
SELECT
  CAST(f._idx - 1 AS INTEGER) AS lead,
  coalesce(d.currency, '') AS currency,
  CAST(sum(coalesce(d.amount, 0)) AS DOUBLE) AS amount,
  CAST(date_diff('day', DATE '1970-01-01', CAST(min(coalesce(d.closed_at, d.created_at)) AS DATE)) AS INTEGER) AS won_day
FROM deals d
JOIN lead_features f USING (lead_id)
WHERE d.outcome = 'won'
GROUP BY 1, 2
ORDER BY 1, 2
