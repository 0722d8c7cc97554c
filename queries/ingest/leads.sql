-- The canonical leads table, typed, one row per lead id (the first occurrence wins; the rest are
-- reported by lead_problems.sql). Reads clean_leads (role-named text columns, missing markers as NULL).
-- A placeholder or future created date is kept as NULL (reported by lead_problems.sql).
-- params: $1 true spellings, $2 false spellings (exact trimmed values, chr(31)-joined), $3 the load day,
-- $4 the created_at day/month order, $5 / $6 the employees / annual_revenue decimal separators
CREATE OR REPLACE TABLE leads AS
SELECT
  _row,
  trim(lead_id) AS lead_id,
  nullif(trim(company), '') AS company,
  nullif(trim(country), '') AS country,
  nullif(trim(region), '') AS region,
  nullif(trim(industry), '') AS industry,
  parse_number(employees, $5) AS employees,
  parse_number(annual_revenue, $6) AS annual_revenue,
  nullif(trim(lead_source), '') AS lead_source,
  nullif(trim(owner), '') AS owner,
  nullif(trim(job_title), '') AS job_title,
  parse_bool(is_decision_maker, $1, $2) AS is_decision_maker,
  nullif(trim(purchase_timeframe), '') AS purchase_timeframe,
  parse_bool(budget_confirmed, $1, $2) AS budget_confirmed,
  parse_bool(competitor_present, $1, $2) AS competitor_present,
  nullif(trim(decision_stage), '') AS decision_stage,
  usable_date(parse_date(created_at, $4), $3) AS created_at,
  nullif(trim(account_id), '') AS account_id
FROM clean_leads
-- each id's first row, found on the ids alone (a window over every column would hold them all at once)
WHERE _row IN (
  SELECT min(_row) FROM clean_leads WHERE nullif(trim(lead_id), '') IS NOT NULL GROUP BY trim(lead_id)
)
