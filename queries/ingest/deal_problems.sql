-- Deals rows or cells that could not be taken as is, and deals whose lead is not in the leads file.
SELECT _row AS "row", role, raw, problem FROM (
  SELECT _row, 'lead_id' AS role, coalesce(lead_id, '') AS raw, 'missing_id' AS problem
    FROM mapped_deals WHERE nullif(trim(lead_id), '') IS NULL
  UNION ALL
  SELECT _row, 'lead_id', lead_id, 'unknown_lead' FROM mapped_deals m
    WHERE nullif(trim(lead_id), '') IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM leads l WHERE l.lead_id = trim(m.lead_id))
  UNION ALL
  SELECT _row, 'amount', amount, 'bad_number' FROM mapped_deals
    WHERE nullif(trim(amount), '') IS NOT NULL AND parse_number(amount) IS NULL
  UNION ALL
  SELECT _row, 'created_at', created_at, 'bad_date' FROM mapped_deals
    WHERE nullif(trim(created_at), '') IS NOT NULL AND parse_date(created_at) IS NULL
  UNION ALL
  SELECT _row, 'closed_at', closed_at, 'bad_date' FROM mapped_deals
    WHERE nullif(trim(closed_at), '') IS NOT NULL AND parse_date(closed_at) IS NULL
)
ORDER BY _row, role
