-- Text → DATE for the formats CRM exports use; NULL when none fits (reported as a cast failure).
-- The plain cast comes first: COALESCE evaluates the slower fallbacks only for the rows it fails on.
-- A plain cast to a year below 1000 is a misreading (DuckDB casts '05-01-24' to the year 5), so it counts
-- as a failure instead of a silently wrong date.
CREATE OR REPLACE MACRO parse_date(s) AS COALESCE(
  CASE WHEN year(TRY_CAST(s AS DATE)) >= 1000 THEN TRY_CAST(s AS DATE) END,
  CASE WHEN year(TRY_CAST(trim(s) AS DATE)) >= 1000 THEN TRY_CAST(trim(s) AS DATE) END,
  CAST(try_strptime(trim(s), ['%Y/%m/%d', '%Y/%m/%d %H:%M:%S', '%Y/%m/%d %H:%M', '%Y年%m月%d日', '%Y.%m.%d',
    '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M']) AS DATE)
)
