-- The canonical accounts table: one row per account, keyed by its id when the file has one, else by its
-- company name as written (the first occurrence wins; the rest are reported by account_problems.sql).
-- A row without a company name and without an id names no account and is reported, not kept.
-- params: $1 / $2 the employees / annual_revenue decimal separators
CREATE OR REPLACE TABLE accounts AS
SELECT
  _row,
  nullif(trim(account_id), '') AS account_id,
  nullif(trim(company), '') AS company,
  nullif(trim(country), '') AS country,
  nullif(trim(region), '') AS region,
  nullif(trim(industry), '') AS industry,
  parse_number(employees, $1) AS employees,
  parse_number(annual_revenue, $2) AS annual_revenue
FROM clean_accounts
WHERE coalesce(nullif(trim(account_id), ''), nullif(trim(company), '')) IS NOT NULL
QUALIFY row_number() OVER (
  PARTITION BY coalesce(nullif(trim(account_id), ''), trim(company)) ORDER BY _row
) = 1
