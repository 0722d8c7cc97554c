-- Text → TIMESTAMP (no time zone: ICU is not built into DuckDB-wasm); a bare date is midnight.
-- The plain cast comes first: COALESCE evaluates the slower fallbacks only for the rows it fails on.
CREATE OR REPLACE MACRO parse_timestamp(s) AS COALESCE(
  TRY_CAST(s AS TIMESTAMP),
  TRY_CAST(trim(s) AS TIMESTAMP),
  try_strptime(trim(s), ['%Y/%m/%d %H:%M:%S', '%Y/%m/%d %H:%M', '%Y/%m/%d', '%Y年%m月%d日', '%Y-%m-%dT%H:%M:%S'])
)
