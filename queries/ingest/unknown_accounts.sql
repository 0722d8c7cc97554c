-- Leads rows whose account id names no account of the accounts file (the lead may still find its account
-- by company name; the id is reported either way). An accounts file without ids reports none.
SELECT l._row AS "row", 'account_id' AS role, l.account_id AS raw, 'unknown_account' AS problem
FROM leads l
WHERE l.account_id IS NOT NULL
  AND EXISTS (SELECT 1 FROM accounts WHERE account_id IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.account_id = l.account_id)
ORDER BY l._row
