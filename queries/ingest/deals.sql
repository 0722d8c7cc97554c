-- The canonical deals table with each deal's outcome from its stage.
-- params: $1 stage values meaning won, $2 stage values meaning lost (exact trimmed values, chr(31)-joined)
CREATE OR REPLACE TABLE deals AS
SELECT
  _row,
  nullif(trim(deal_id), '') AS deal_id,
  trim(lead_id) AS lead_id,
  nullif(trim(stage), '') AS stage,
  CASE
    WHEN list_contains(string_split($1, chr(31)), trim(stage)) THEN 'won'
    WHEN list_contains(string_split($2, chr(31)), trim(stage)) THEN 'lost'
    ELSE 'open'
  END AS outcome,
  parse_number(amount) AS amount,
  nullif(upper(trim(currency)), '') AS currency,
  parse_date(created_at) AS created_at,
  parse_date(closed_at) AS closed_at
FROM mapped_deals
WHERE nullif(trim(lead_id), '') IS NOT NULL
