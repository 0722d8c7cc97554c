-- Every accounts row or cell the canonical accounts table could not take as is: rows naming no account
-- (no id, no company), repeated ids or names (the first row wins), numbers that do not parse.
-- Leads whose account id is not in the accounts file are reported with the leads (unknown_account.sql).
-- params: $1 / $2 the employees / annual_revenue decimal separators
SELECT _row AS "row", role, raw, problem FROM (
  SELECT c._row, 'company' AS role, coalesce(m.company, '') AS raw, 'missing_account' AS problem
    FROM clean_accounts c JOIN mapped_accounts m USING (_row)
    WHERE coalesce(nullif(trim(c.account_id), ''), nullif(trim(c.company), '')) IS NULL
  UNION ALL
  SELECT c._row, CASE WHEN nullif(trim(c.account_id), '') IS NULL THEN 'company' ELSE 'account_id' END,
      coalesce(nullif(trim(c.account_id), ''), trim(c.company)), 'duplicate_account'
    FROM clean_accounts c ANTI JOIN accounts a ON a._row = c._row
    WHERE coalesce(nullif(trim(c.account_id), ''), nullif(trim(c.company), '')) IS NOT NULL
  UNION ALL
  SELECT c._row, 'employees', c.employees, 'bad_number'
    FROM clean_accounts c JOIN accounts a ON a._row = c._row
    WHERE nullif(trim(c.employees), '') IS NOT NULL AND parse_number(c.employees, $1) IS NULL
  UNION ALL
  SELECT c._row, 'annual_revenue', c.annual_revenue, 'bad_number'
    FROM clean_accounts c JOIN accounts a ON a._row = c._row
    WHERE nullif(trim(c.annual_revenue), '') IS NOT NULL AND parse_number(c.annual_revenue, $2) IS NULL
)
ORDER BY _row, role
