-- One row per lead: its attributes, its outcome as METRICS.md defines it, and its won revenue.
-- won beats lost; without any explicit loss in the data, a lead older than the aging-out horizon at the
-- data end date and not won counts as lost.
-- Also: _idx, the lead's position in lead_id order (the kernel's order), and lower-cased, trimmed *_key
-- copies of the text columns rules match on, computed once here instead of in every rule-matrix build.
-- params: $1 data end date (DATE), $2 aging-out horizon in days
CREATE OR REPLACE TABLE lead_features AS
WITH deal_summary AS (
  SELECT
    lead_id,
    bool_or(outcome = 'won') AS any_won,
    bool_or(outcome = 'lost') AS any_lost,
    min(coalesce(closed_at, created_at)) FILTER (WHERE outcome = 'won') AS won_at,
    sum(coalesce(amount, 0)) FILTER (WHERE outcome = 'won') AS won_amount,
    count(*) AS deal_count
  FROM deals
  GROUP BY lead_id
),
loss_rule AS (SELECT count(*) FILTER (WHERE outcome = 'lost') > 0 AS explicit_losses FROM deals)
SELECT
  row_number() OVER (ORDER BY l.lead_id) AS _idx,
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
    WHEN NOT r.explicit_losses AND date_diff('day', l.created_at, CAST($1 AS DATE)) > $2 THEN 'lost'
    ELSE 'open'
  END AS outcome,
  coalesce(d.won_amount, 0) AS won_amount,
  d.won_at,
  coalesce(d.deal_count, 0) AS deal_count
FROM leads l
LEFT JOIN deal_summary d USING (lead_id)
CROSS JOIN loss_rule r
ORDER BY l.lead_id
