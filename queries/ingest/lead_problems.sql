-- Every leads row or cell the canonical table could not take as is: row number, role, raw text, problem.
SELECT _row AS "row", role, raw, problem FROM (
  SELECT _row, 'lead_id' AS role, coalesce(lead_id, '') AS raw, 'missing_id' AS problem
    FROM mapped_leads WHERE nullif(trim(lead_id), '') IS NULL
  UNION ALL
  SELECT _row, 'lead_id', lead_id, 'duplicate_id' FROM mapped_leads
    WHERE nullif(trim(lead_id), '') IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY trim(lead_id) ORDER BY _row) > 1
  UNION ALL
  SELECT _row, 'employees', employees, 'bad_number' FROM mapped_leads
    WHERE nullif(trim(employees), '') IS NOT NULL AND parse_number(employees) IS NULL
  UNION ALL
  SELECT _row, 'annual_revenue', annual_revenue, 'bad_number' FROM mapped_leads
    WHERE nullif(trim(annual_revenue), '') IS NOT NULL AND parse_number(annual_revenue) IS NULL
  UNION ALL
  SELECT _row, 'created_at', created_at, 'bad_date' FROM mapped_leads
    WHERE nullif(trim(created_at), '') IS NOT NULL AND parse_date(created_at) IS NULL
)
ORDER BY _row, role
