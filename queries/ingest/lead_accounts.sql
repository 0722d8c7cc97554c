-- Each lead's account: by account id when the lead has one that the accounts file has, else by company
-- name compared by key (company_keys: name → key, made in JS). When several accounts share a name key the
-- first one in the file wins (the others are reported by account_problems.sql as duplicate names).
CREATE OR REPLACE TABLE lead_accounts AS
WITH account_by_key AS (
  SELECT k.key, a._row
  FROM accounts a JOIN company_keys k ON k.name = a.company
  QUALIFY row_number() OVER (PARTITION BY k.key ORDER BY a._row) = 1
),
by_id AS (
  SELECT l.lead_id, a._row AS account_row, 'id' AS via
  FROM leads l JOIN accounts a ON a.account_id = l.account_id
),
by_name AS (
  SELECT l.lead_id, ak._row AS account_row, 'name' AS via
  FROM leads l
  JOIN company_keys k ON k.name = l.company
  JOIN account_by_key ak ON ak.key = k.key
  ANTI JOIN by_id USING (lead_id)
)
SELECT * FROM by_id
UNION ALL
SELECT * FROM by_name
