-- The canonical deals table with each deal's outcome from its stage. Reads clean_deals.
-- The currency is the currency column's, else the one the amount names by symbol or code ($, ¥, EUR …).
-- A lost deal's amount of 0 means "not recorded" and is kept as NULL (counted with the missing markers).
-- Placeholder dates and dates after the load day are kept as NULL, except the close date of an open deal,
-- which is its expected close date and may lie ahead (reported by deal_problems.sql).
-- params: $1 stage values meaning won, $2 stage values meaning lost (exact trimmed values, chr(31)-joined),
-- $3 the load day, $4 the amount decimal separator, $5 / $6 the created_at / closed_at day/month orders
CREATE OR REPLACE TABLE deals AS
WITH typed AS (
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
    parse_number(amount, $4) AS amount,
    coalesce(nullif(upper(trim(currency)), ''), amount_currency(amount)) AS currency,
    usable_date(parse_date(created_at, $5), $3) AS created_at,
    parse_date(closed_at, $6) AS closed_at
  FROM clean_deals
  WHERE nullif(trim(lead_id), '') IS NOT NULL
)
SELECT
  _row,
  deal_id,
  lead_id,
  stage,
  outcome,
  CASE WHEN outcome = 'lost' AND amount = 0 THEN NULL ELSE amount END AS amount,
  currency,
  created_at,
  CASE
    WHEN placeholder_date(closed_at) THEN NULL
    WHEN outcome = 'open' THEN closed_at
    ELSE usable_date(closed_at, $3)
  END AS closed_at
FROM typed
