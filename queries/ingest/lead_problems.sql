-- Every leads row or cell the canonical table could not take as is: row number, role, raw text, problem.
-- Cast failures are found by comparing each raw cell with its typed value (no second parse).
WITH typed AS MATERIALIZED (
  SELECT m._row, m.employees, m.annual_revenue, m.created_at,
    l.employees AS employees_value, l.annual_revenue AS annual_revenue_value, l.created_at AS created_at_value
  FROM mapped_leads m
  JOIN leads l ON l._row = m._row
)
SELECT _row AS "row", role, raw, problem FROM (
  SELECT _row, 'lead_id' AS role, coalesce(lead_id, '') AS raw, 'missing_id' AS problem
    FROM mapped_leads WHERE nullif(trim(lead_id), '') IS NULL
  UNION ALL
  SELECT m._row, 'lead_id', m.lead_id, 'duplicate_id' FROM mapped_leads m
    ANTI JOIN leads l ON l._row = m._row
    WHERE nullif(trim(m.lead_id), '') IS NOT NULL
  UNION ALL
  SELECT _row, 'employees', employees, 'bad_number' FROM typed
    WHERE nullif(trim(employees), '') IS NOT NULL AND employees_value IS NULL
  UNION ALL
  SELECT _row, 'annual_revenue', annual_revenue, 'bad_number' FROM typed
    WHERE nullif(trim(annual_revenue), '') IS NOT NULL AND annual_revenue_value IS NULL
  UNION ALL
  SELECT _row, 'created_at', created_at, 'bad_date' FROM typed
    WHERE nullif(trim(created_at), '') IS NOT NULL AND created_at_value IS NULL
)
ORDER BY _row, role
