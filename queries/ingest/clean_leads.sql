-- mapped_leads with every column's missing-value markers read as NULL (empty, NA, Select, unknown, -1 in
-- the employee count …; the lists are in missing_markers). The canonical and problem queries read this.
CREATE OR REPLACE VIEW clean_leads AS
SELECT
  _row,
  unmark(lead_id, 'leads.lead_id') AS lead_id,
  unmark(company, 'leads.company') AS company,
  unmark(country, 'leads.country') AS country,
  unmark(region, 'leads.region') AS region,
  unmark(industry, 'leads.industry') AS industry,
  unmark(employees, 'leads.employees') AS employees,
  unmark(annual_revenue, 'leads.annual_revenue') AS annual_revenue,
  unmark(lead_source, 'leads.lead_source') AS lead_source,
  unmark(owner, 'leads.owner') AS owner,
  unmark(job_title, 'leads.job_title') AS job_title,
  unmark(is_decision_maker, 'leads.is_decision_maker') AS is_decision_maker,
  unmark(purchase_timeframe, 'leads.purchase_timeframe') AS purchase_timeframe,
  unmark(budget_confirmed, 'leads.budget_confirmed') AS budget_confirmed,
  unmark(competitor_present, 'leads.competitor_present') AS competitor_present,
  unmark(decision_stage, 'leads.decision_stage') AS decision_stage,
  unmark(created_at, 'leads.created_at') AS created_at,
  unmark(account_id, 'leads.account_id') AS account_id
FROM mapped_leads
