-- Deals rows or cells that could not be taken as is, deals whose lead is not in the leads file, and deals
-- that make no sense: closed before they (or their lead) were created, negative amounts, a currency symbol
-- in the amount that contradicts the currency column, ids in scientific notation.
-- params: $1 the amount decimal separator, $2 / $3 the created_at / closed_at day/month orders
WITH typed AS MATERIALIZED (
  SELECT m._row, m.amount, m.currency AS currency_raw, m.created_at, m.closed_at, d.outcome,
    d.amount AS amount_value, d.created_at AS created_value, d.closed_at AS closed_value
  FROM clean_deals m
  JOIN deals d ON d._row = m._row
)
SELECT _row AS "row", role, raw, problem FROM (
  SELECT m._row, 'lead_id' AS role, coalesce(r.lead_id, '') AS raw, 'missing_id' AS problem
    FROM clean_deals m JOIN mapped_deals r USING (_row) WHERE nullif(trim(m.lead_id), '') IS NULL
  UNION ALL
  SELECT d._row, 'lead_id', d.lead_id, 'unknown_lead' FROM deals d
    ANTI JOIN leads l ON l.lead_id = d.lead_id
  UNION ALL
  SELECT _row, 'amount', amount, 'bad_number' FROM typed
    WHERE nullif(trim(amount), '') IS NOT NULL AND amount_value IS NULL
      AND NOT (outcome = 'lost' AND parse_number(amount, $1) = 0)
  UNION ALL
  SELECT _row, 'amount', amount, 'negative_amount' FROM typed WHERE amount_value < 0
  UNION ALL
  SELECT _row, 'amount', amount, 'currency_mismatch' FROM typed
    WHERE nullif(trim(currency_raw), '') IS NOT NULL AND amount_currency(amount) IS NOT NULL
      AND amount_currency(amount) <> upper(trim(currency_raw))
  UNION ALL
  SELECT _row, 'created_at', created_at, date_problem(created_at, $2) FROM typed
    WHERE nullif(trim(created_at), '') IS NOT NULL AND created_value IS NULL
  UNION ALL
  SELECT _row, 'closed_at', closed_at, date_problem(closed_at, $3) FROM typed
    WHERE nullif(trim(closed_at), '') IS NOT NULL AND closed_value IS NULL
  UNION ALL
  SELECT _row, 'closed_at', closed_at, 'closed_before_created' FROM typed
    WHERE closed_value < created_value
  UNION ALL
  SELECT t._row, 'closed_at', t.closed_at, 'closed_before_lead' FROM typed t
    JOIN deals d ON d._row = t._row
    JOIN leads l ON l.lead_id = d.lead_id
    WHERE t.closed_value < l.created_at AND NOT coalesce(t.closed_value < t.created_value, false)
  UNION ALL
  SELECT _row, 'deal_id', deal_id, 'scientific_id' FROM clean_deals WHERE scientific_id(deal_id)
  UNION ALL
  SELECT _row, 'lead_id', lead_id, 'scientific_id' FROM clean_deals WHERE scientific_id(lead_id)
)
ORDER BY _row, role
