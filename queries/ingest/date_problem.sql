-- The problem code of a non-empty date cell whose canonical value is NULL: not a date ('bad_date'), a
-- numeric day/month date in a column whose order is undecided ('ambiguous_date'), a placeholder such as
-- 1900-01-01 ('placeholder_date'), or a date after the load day ('future_date').
CREATE OR REPLACE MACRO date_problem(s, fmt) AS CASE
  WHEN parse_timestamp(s, fmt) IS NULL THEN
    CASE WHEN fmt = '' AND day_month_iso(trim(s), 'dmy') IS NOT NULL THEN 'ambiguous_date'
      ELSE 'bad_date' END
  WHEN placeholder_date(CAST(parse_timestamp(s, fmt) AS DATE)) THEN 'placeholder_date'
  ELSE 'future_date'
END
