-- Text → TIMESTAMP (no time zone: ICU is not built into DuckDB-wasm, so an offset is dropped and the time
-- is kept as written); a bare date is midnight. fmt is the column's day/month order as in parse_date.sql.
-- The plain cast is a CASE branch of its own: DuckDB evaluates every COALESCE argument on every row, a
-- CASE only the rows that reach a branch (7M activities would each run the strptime fallbacks).
CREATE OR REPLACE MACRO parse_timestamp(s, fmt := '') AS CASE
  WHEN year(TRY_CAST(s AS TIMESTAMP)) >= 1000 THEN TRY_CAST(s AS TIMESTAMP)
  ELSE COALESCE(
    CASE WHEN year(TRY_CAST(trim(s) AS TIMESTAMP)) >= 1000 THEN TRY_CAST(trim(s) AS TIMESTAMP) END,
    crm_strptime(s),
    TRY_CAST(day_month_iso(trim(s), fmt)
      || coalesce(' ' || nullif(regexp_extract(trim(s), '[ T]([0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)', 1), ''), '')
      AS TIMESTAMP)
  )
END
