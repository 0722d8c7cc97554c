-- The shapes of one date column's values, to decide its day/month order (src/ingest/dateFormat.ts):
-- numeric day/month values, those whose first or second part is above 12, two-digit years, values read
-- without an order (year first, month names), and up to three day/month values (chr(31)-joined).
-- Distinct values are classified once, weighted by their counts; a plain cast settles most of them.
-- Values a plain timestamp cast reads (ISO) are only counted: they have no day/month order to weigh, and
-- grouping 7M distinct activity timestamps cost seconds and a gigabyte.
WITH t AS (
  SELECT trim({{column}}) AS s
  FROM {{view}}
  WHERE nullif(trim({{column}}), '') IS NOT NULL
),
iso AS (
  SELECT count(*) AS n FROM t WHERE year(TRY_CAST(s AS TIMESTAMP)) >= 1000
),
d AS (
  SELECT s, count(*) AS n
  FROM t
  WHERE NOT coalesce(year(TRY_CAST(s AS TIMESTAMP)) >= 1000, false)
  GROUP BY 1
),
v AS (
  SELECT s, n,
    regexp_extract(s, '^([0-9]{1,2})[./-]([0-9]{1,2})[./-]([0-9]{4}|[0-9]{2})(?:[ T]|$)', ['a', 'b', 'y']) AS dm
  FROM d
)
SELECT
  CAST((SELECT n FROM iso) + coalesce(sum(n), 0) AS BIGINT) AS "values",
  CAST(coalesce(sum(n) FILTER (WHERE dm.a <> ''), 0) AS BIGINT) AS day_month,
  CAST(coalesce(sum(n) FILTER (WHERE TRY_CAST(dm.a AS INTEGER) > 12 AND TRY_CAST(dm.b AS INTEGER) <= 12), 0) AS BIGINT) AS first_over_12,
  CAST(coalesce(sum(n) FILTER (WHERE TRY_CAST(dm.b AS INTEGER) > 12 AND TRY_CAST(dm.a AS INTEGER) <= 12), 0) AS BIGINT) AS second_over_12,
  CAST(coalesce(sum(n) FILTER (WHERE dm.a <> '' AND length(dm.y) = 2), 0) AS BIGINT) AS two_digit_year,
  CAST((SELECT n FROM iso) + coalesce(sum(n) FILTER (WHERE dm.a = '' AND parse_timestamp(s) IS NOT NULL), 0) AS BIGINT) AS order_free,
  coalesce(array_to_string((list(s ORDER BY s) FILTER (WHERE dm.a <> ''))[1:3], chr(31)), '') AS examples
FROM v
