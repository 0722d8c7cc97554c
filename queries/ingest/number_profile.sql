-- The shapes of one number column's values, to decide its decimal separator (src/ingest/numberFormat.ts):
-- values whose last separator can only be a decimal point or only a decimal comma (not followed by exactly
-- three digits, or after the other separator, or repeated groups of the other), values a lone separator
-- leaves open ("1,234", "1.234"), parentheses negatives, and the magnitude suffixes and currencies seen
-- (chr(31)-joined). Distinct values are classified once, weighted by their counts; plain integers skip it.
WITH d AS (
  SELECT trim({{column}}) AS s, count(*) AS n
  FROM {{view}}
  WHERE nullif(trim({{column}}), '') IS NOT NULL
  GROUP BY 1
),
v AS (
  SELECT n, number_text(s) AS t, number_digits(number_text(s)) AS d, amount_currency(s) AS currency
  FROM d
  WHERE NOT regexp_matches(s, '^-?[0-9]+$')
)
SELECT
  (SELECT CAST(coalesce(sum(n), 0) AS BIGINT) FROM d) AS "values",
  CAST(coalesce(sum(n) FILTER (WHERE regexp_matches(d, '^[-+]?[0-9]*(,[0-9]{3})*\.([0-9]{1,2}|[0-9]{4,})$')
    OR regexp_matches(d, '^[-+]?[0-9]{1,3}(,[0-9]{3})+\.[0-9]+$')
    OR regexp_matches(d, '^[-+]?([0-9]{4,}|0)\.[0-9]+$')
    OR regexp_matches(d, '^[-+]?[0-9]{1,3}(,[0-9]{3}){2,}$')), 0) AS BIGINT) AS dot_decimal,
  CAST(coalesce(sum(n) FILTER (WHERE regexp_matches(d, '^[-+]?[0-9]*(\.[0-9]{3})*,([0-9]{1,2}|[0-9]{4,})$')
    OR regexp_matches(d, '^[-+]?[0-9]{1,3}(\.[0-9]{3})+,[0-9]+$')
    OR regexp_matches(d, '^[-+]?([0-9]{4,}|0),[0-9]+$')
    OR regexp_matches(d, '^[-+]?[0-9]{1,3}(\.[0-9]{3}){2,}$')), 0) AS BIGINT) AS comma_decimal,
  CAST(coalesce(sum(n) FILTER (WHERE regexp_matches(d, '^[-+]?[0-9]{1,3}[.,][0-9]{3}$')), 0) AS BIGINT) AS lone_separator,
  CAST(coalesce(sum(n) FILTER (WHERE regexp_matches(t, '^\(.*\)$')), 0) AS BIGINT) AS parentheses,
  coalesce(array_to_string(list(DISTINCT lower(regexp_extract(t, '(?i)(k|mm|m|bn|b|千万|百万|千|万|亿)\)?$', 1)))
    FILTER (WHERE regexp_extract(t, '(?i)(k|mm|m|bn|b|千万|百万|千|万|亿)\)?$', 1) <> ''), chr(31)), '') AS suffixes,
  coalesce(array_to_string(list(DISTINCT currency) FILTER (WHERE currency IS NOT NULL), chr(31)), '') AS currencies
FROM v
