-- Every leads row or cell the canonical table could not take as is: row number, role, raw text, problem.
-- Cast failures are found by comparing each raw cell with its typed value (no second parse); only the
-- failing date cells are parsed again, to name why (date_problem.sql). Also ids in scientific notation
-- and category values Excel turned into dates (kept, but named). Missing-value markers are not problems
-- (clean_leads has them as NULL).
-- params: $1 the created_at day/month order
WITH typed AS MATERIALIZED (
  SELECT m._row, m.employees, m.annual_revenue, m.created_at,
    l.employees AS employees_value, l.annual_revenue AS annual_revenue_value, l.created_at AS created_at_value
  FROM clean_leads m
  JOIN leads l ON l._row = m._row
)
SELECT _row AS "row", role, raw, problem FROM (
  SELECT m._row, 'lead_id' AS role, coalesce(r.lead_id, '') AS raw, 'missing_id' AS problem
    FROM clean_leads m JOIN mapped_leads r USING (_row) WHERE nullif(trim(m.lead_id), '') IS NULL
  UNION ALL
  SELECT m._row, 'lead_id', m.lead_id, 'duplicate_id' FROM clean_leads m
    ANTI JOIN leads l ON l._row = m._row
    WHERE nullif(trim(m.lead_id), '') IS NOT NULL
  UNION ALL
  SELECT _row, 'employees', employees, 'bad_number' FROM typed
    WHERE nullif(trim(employees), '') IS NOT NULL AND employees_value IS NULL
  UNION ALL
  SELECT _row, 'annual_revenue', annual_revenue, 'bad_number' FROM typed
    WHERE nullif(trim(annual_revenue), '') IS NOT NULL AND annual_revenue_value IS NULL
  UNION ALL
  SELECT _row, 'created_at', created_at, date_problem(created_at, $1) FROM typed
    WHERE nullif(trim(created_at), '') IS NOT NULL AND created_at_value IS NULL
  UNION ALL
  SELECT _row, 'lead_id', lead_id, 'scientific_id' FROM clean_leads WHERE scientific_id(lead_id)
  UNION ALL
  SELECT _row, role, raw, 'excel_date_band' FROM (
    UNPIVOT (SELECT _row, country, region, industry, lead_source, owner, job_title, purchase_timeframe,
      decision_stage FROM clean_leads)
    ON COLUMNS(* EXCLUDE (_row)) INTO NAME role VALUE raw
  ) WHERE excel_date_band(raw)
)
ORDER BY _row, role
