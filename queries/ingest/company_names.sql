-- Every company name as written in the leads and the accounts: the names accountLink.ts keys in JS
-- (companyName.ts: case, width, punctuation and legal forms folded) so leads find their account by name.
SELECT DISTINCT company AS name FROM (
  SELECT company FROM leads
  UNION ALL
  SELECT company FROM accounts
)
WHERE company IS NOT NULL
ORDER BY name
