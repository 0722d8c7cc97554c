-- The data's end date: the latest date anywhere in the data (not the wall clock), so results reproduce.
SELECT CAST(greatest(
  coalesce((SELECT max(created_at) FROM leads), DATE '1970-01-01'),
  coalesce((SELECT max(greatest(coalesce(created_at, closed_at), coalesce(closed_at, created_at))) FROM deals),
    DATE '1970-01-01'),
  coalesce((SELECT CAST(max(occurred_at) AS DATE) FROM activities), DATE '1970-01-01')
) AS DATE) AS end_date,
(SELECT count(*) FROM deals WHERE outcome = 'lost') AS explicit_losses
