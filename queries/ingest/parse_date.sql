-- Text → DATE for the formats CRM exports use; NULL when none fits (reported as a cast failure).
-- The plain cast comes first: COALESCE evaluates the slower fallbacks only for the rows it fails on.
CREATE OR REPLACE MACRO parse_date(s) AS COALESCE(
  TRY_CAST(s AS DATE),
  TRY_CAST(trim(s) AS DATE),
  CAST(try_strptime(trim(s), ['%Y/%m/%d', '%Y/%m/%d %H:%M:%S', '%Y/%m/%d %H:%M', '%Y年%m月%d日', '%Y.%m.%d',
    '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M']) AS DATE)
)
