-- Deal stages per lead for the ROI funnel: each lead's furthest step (1 = has a deal, 2 = won) and the
-- stage of its latest deal. lead = the lead's position in lead_id order (the kernel's index).
SELECT
  CAST(f._idx - 1 AS INTEGER) AS lead,
  CAST(CASE WHEN bool_or(d.outcome = 'won') THEN 2 ELSE 1 END AS INTEGER) AS step,
  coalesce(arg_max(d.stage, coalesce(d.closed_at, d.created_at)), '') AS stage
FROM deals d
JOIN lead_features f USING (lead_id)
GROUP BY 1
ORDER BY 1
