-- The columns the Leads view, the segment picker and the scored export show, in the kernel's lead order
-- (lead_features._idx), positions $1 … $2: read a range at a time, so no sort ever holds every lead's
-- columns at once in DuckDB's wasm heap (it ran out of it at 10M leads).
-- params: $1 … $2 the range of positions
SELECT
  lead_id,
  coalesce(company, '') AS company,
  coalesce(country, '') AS country,
  coalesce(region, '') AS region,
  coalesce(industry, '') AS industry,
  coalesce(CAST(CAST(round(employees) AS BIGINT) AS VARCHAR), '') AS employees,
  CASE
    WHEN employees IS NULL THEN ''
    WHEN employees < 50 THEN '1–49'
    WHEN employees < 250 THEN '50–249'
    WHEN employees < 1000 THEN '250–999'
    ELSE '1000+'
  END AS size_band,
  coalesce(lead_source, '') AS lead_source,
  coalesce(owner, '') AS owner,
  coalesce(job_title, '') AS job_title,
  coalesce(strftime(created_at, '%Y-%m-%d'), '') AS created_at,
  coalesce(CAST(year(created_at) AS VARCHAR) || '-Q' || CAST(quarter(created_at) AS VARCHAR), '') AS created_quarter,
  outcome,
  CAST(won_amount AS DOUBLE) AS won_amount,
  -- whole days since 1970-01-01; -2147483648 (NO_DAY) when unknown
  CAST(coalesce(date_diff('day', DATE '1970-01-01', CAST(created_at AS DATE)), -2147483648) AS INTEGER) AS created_day,
  CAST(coalesce(date_diff('day', DATE '1970-01-01', CAST(won_at AS DATE)), -2147483648) AS INTEGER) AS won_day
FROM lead_features
WHERE _idx BETWEEN $1 AND $2
ORDER BY _idx
