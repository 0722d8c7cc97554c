-- mapped_accounts with every column's missing-value markers read as NULL (see clean_leads.sql).
CREATE OR REPLACE VIEW clean_accounts AS
SELECT
  _row,
  unmark(account_id, 'accounts.account_id') AS account_id,
  unmark(company, 'accounts.company') AS company,
  unmark(country, 'accounts.country') AS country,
  unmark(region, 'accounts.region') AS region,
  unmark(industry, 'accounts.industry') AS industry,
  unmark(employees, 'accounts.employees') AS employees,
  unmark(annual_revenue, 'accounts.annual_revenue') AS annual_revenue
FROM mapped_accounts
