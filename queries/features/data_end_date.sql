-- The data's end date: the latest date anywhere in the data (not the wall clock), so results reproduce.
-- The canonical tables hold no date after the load day (a lead dated 2099 is reported and kept undated,
-- see queries/ingest/usable_date.sql), and an open deal's close date is an expected date, not an event,
-- so neither can move the end date into the future.
SELECT CAST(greatest(
  coalesce((SELECT max(created_at) FROM leads), DATE '1970-01-01'),
  coalesce((SELECT max(greatest(
      coalesce(created_at, CASE WHEN outcome <> 'open' THEN closed_at END),
      coalesce(CASE WHEN outcome <> 'open' THEN closed_at END, created_at)))
    FROM deals), DATE '1970-01-01'),
  coalesce((SELECT CAST(max(occurred_at) AS DATE) FROM activities), DATE '1970-01-01')
) AS DATE) AS end_date,
(SELECT count(*) FROM deals WHERE outcome = 'lost') AS explicit_losses
