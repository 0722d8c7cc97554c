-- Rows in each canonical table.
SELECT
  (SELECT count(*) FROM leads) AS leads,
  (SELECT count(*) FROM deals) AS deals,
  (SELECT count(*) FROM activities) AS activities,
  (SELECT count(*) FROM accounts) AS accounts
