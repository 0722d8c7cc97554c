-- lead_features' rows for the leads at positions lo … hi of lead_order, in that order: each lead's
-- attributes, its outcome as METRICS.md defines it, and its won revenue.
-- won beats lost; without any explicit loss in the data, a lead older than the aging-out horizon at the
-- data end date and not won counts as lost.
-- Also: _idx, the lead's position in lead_id order (the kernel's order), and lower-cased, trimmed *_key
-- copies of the text columns rules match on, computed once here instead of in every rule-matrix build.
CREATE OR REPLACE MACRO lead_feature_rows(end_date, horizon, lo, hi) AS TABLE
WITH chunk AS (SELECT lead_id, _idx FROM lead_order WHERE _idx BETWEEN lo AND hi),
deal_summary AS (
  SELECT
    lead_id,
    bool_or(outcome = 'won') AS any_won,
    bool_or(outcome = 'lost') AS any_lost,
    min(coalesce(closed_at, created_at)) FILTER (WHERE outcome = 'won') AS won_at,
    sum(coalesce(amount, 0)) FILTER (WHERE outcome = 'won') AS won_amount,
    count(*) AS deal_count
  FROM deals
  WHERE lead_id IN (SELECT lead_id FROM chunk)
  GROUP BY lead_id
),
loss_rule AS (SELECT count(*) FILTER (WHERE outcome = 'lost') > 0 AS explicit_losses FROM deals)
SELECT
  c._idx,
  l.*,
  lower(trim(l.country)) AS country_key,
  lower(trim(l.region)) AS region_key,
  lower(trim(l.industry)) AS industry_key,
  lower(trim(l.lead_source)) AS lead_source_key,
  lower(trim(l.owner)) AS owner_key,
  lower(trim(l.purchase_timeframe)) AS purchase_timeframe_key,
  lower(trim(l.decision_stage)) AS decision_stage_key,
  lower(coalesce(l.job_title, '')) AS job_title_key,
  lower(coalesce(l.company, '')) AS company_key,
  CASE
    WHEN d.any_won THEN 'won'
    WHEN d.any_lost THEN 'lost'
    WHEN NOT r.explicit_losses AND date_diff('day', l.created_at, CAST(end_date AS DATE)) > horizon THEN 'lost'
    ELSE 'open'
  END AS outcome,
  coalesce(d.won_amount, 0) AS won_amount,
  d.won_at,
  coalesce(d.deal_count, 0) AS deal_count
FROM chunk c
JOIN leads l ON l.lead_id = c.lead_id
LEFT JOIN deal_summary d ON d.lead_id = c.lead_id
CROSS JOIN loss_rule r
ORDER BY c._idx
