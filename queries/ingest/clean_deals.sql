-- mapped_deals with every column's missing-value markers read as NULL (see clean_leads.sql).
CREATE OR REPLACE VIEW clean_deals AS
SELECT
  _row,
  unmark(deal_id, 'deals.deal_id') AS deal_id,
  unmark(lead_id, 'deals.lead_id') AS lead_id,
  unmark(stage, 'deals.stage') AS stage,
  unmark(amount, 'deals.amount') AS amount,
  unmark(currency, 'deals.currency') AS currency,
  unmark(created_at, 'deals.created_at') AS created_at,
  unmark(closed_at, 'deals.closed_at') AS closed_at
FROM mapped_deals
