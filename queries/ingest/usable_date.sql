-- A parsed date the canonical tables keep: NULL for a placeholder date or a date after the load day
-- (both reported by the *_problems queries). today is the load day (a DATE parameter, not the engine's
-- clock: current_date needs ICU, which DuckDB-wasm does not have built in).
CREATE OR REPLACE MACRO usable_date(d, today) AS
  CASE WHEN placeholder_date(CAST(d AS DATE)) OR CAST(d AS DATE) > CAST(today AS DATE) THEN NULL ELSE d END
