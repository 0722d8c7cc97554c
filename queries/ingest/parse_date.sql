-- Text → DATE for the formats CRM exports use; NULL when none fits (reported as a cast failure).
-- fmt is the column's day/month order ('dmy', 'mdy'; see src/ingest/dateFormat.ts). Year-first dates
-- (ISO, YYYY/M/D, YYYY.M.D, 2024年1月5日, timestamps with T and zone), month names ("15 Apr, 2021 00:03:00",
-- "Apr 15, 2021", "15-Apr-21") are read in any order; numeric day/month dates only in 'dmy' or 'mdy', so an
-- undecided column (fmt '') never guesses per row.
-- The plain cast is a CASE branch of its own: DuckDB evaluates every COALESCE argument on every row (the
-- strptime fallbacks made a 1M-lead load take a minute), a CASE only the rows that reach a branch.
-- A plain cast to a year below 1000 is a misreading (DuckDB casts '05-01-24' to the year 5).
CREATE OR REPLACE MACRO parse_date(s, fmt := '') AS CASE
  WHEN year(TRY_CAST(s AS DATE)) >= 1000 THEN TRY_CAST(s AS DATE)
  ELSE COALESCE(
    CASE WHEN year(TRY_CAST(trim(s) AS DATE)) >= 1000 THEN TRY_CAST(trim(s) AS DATE) END,
    CAST(crm_strptime(s) AS DATE),
    TRY_CAST(day_month_iso(trim(s), fmt) AS DATE)
  )
END
