-- Fills each linked lead's empty firmographic cells from its account (lead_accounts.sql). A lead's own
-- value always wins: the account only answers what the lead left blank.
UPDATE leads SET
  company = coalesce(leads.company, a.company),
  country = coalesce(leads.country, a.country),
  region = coalesce(leads.region, a.region),
  industry = coalesce(leads.industry, a.industry),
  employees = coalesce(leads.employees, a.employees),
  annual_revenue = coalesce(leads.annual_revenue, a.annual_revenue)
FROM lead_accounts la
JOIN accounts a ON a._row = la.account_row
WHERE leads.lead_id = la.lead_id
