-- How the leads link to the accounts (lead_accounts.sql) and how many empty lead cells the link fills.
SELECT
  (SELECT count(*) FROM accounts) AS accounts,
  (SELECT count(*) FROM leads) AS leads,
  count(*) FILTER (WHERE la.via = 'id') AS by_id,
  count(*) FILTER (WHERE la.via = 'name') AS by_name,
  count(DISTINCT la.account_row) AS accounts_with_leads,
  coalesce((
    SELECT max(n) FROM (SELECT count(*) AS n FROM lead_accounts GROUP BY account_row)
  ), 0) AS max_leads_per_account,
  count(*) FILTER (WHERE l.company IS NULL AND a.company IS NOT NULL) AS fill_company,
  count(*) FILTER (WHERE l.country IS NULL AND a.country IS NOT NULL) AS fill_country,
  count(*) FILTER (WHERE l.region IS NULL AND a.region IS NOT NULL) AS fill_region,
  count(*) FILTER (WHERE l.industry IS NULL AND a.industry IS NOT NULL) AS fill_industry,
  count(*) FILTER (WHERE l.employees IS NULL AND a.employees IS NOT NULL) AS fill_employees,
  count(*) FILTER (WHERE l.annual_revenue IS NULL AND a.annual_revenue IS NOT NULL) AS fill_annual_revenue
FROM lead_accounts la
JOIN leads l USING (lead_id)
JOIN accounts a ON a._row = la.account_row
