-- mapped_activities with every column's missing-value markers read as NULL (see clean_leads.sql).
CREATE OR REPLACE VIEW clean_activities AS
SELECT
  _row,
  unmark(activity_id, 'activities.activity_id') AS activity_id,
  unmark(lead_id, 'activities.lead_id') AS lead_id,
  unmark(activity_type, 'activities.activity_type') AS activity_type,
  unmark(occurred_at, 'activities.occurred_at') AS occurred_at
FROM mapped_activities
