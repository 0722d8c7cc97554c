-- Text → DOUBLE, tolerating thousands separators, currency symbols and spaces ("$22,700.00", "¥1,234").
-- A decimal comma is read only where it cannot be a thousands separator: "1.234,56" (dot groups, then a
-- comma) and "12,5" / "1234,56" (one or two digits after the only comma); "1,234" stays one thousand two
-- hundred and thirty-four, and "1.234" one point two three four.
CREATE OR REPLACE MACRO parse_number(s) AS CASE
  WHEN regexp_matches(regexp_replace(trim(s), '[\s$¥€£]|^(USD|CNY|RMB|EUR)', '', 'g'),
    '^-?([0-9]{1,3}(\.[0-9]{3})+,[0-9]+|[0-9]+,[0-9]{1,2})$')
  THEN TRY_CAST(replace(replace(regexp_replace(trim(s), '[\s$¥€£]|^(USD|CNY|RMB|EUR)', '', 'g'), '.', ''), ',', '.') AS DOUBLE)
  ELSE TRY_CAST(regexp_replace(trim(s), '[\s,$¥€£]|^(USD|CNY|RMB|EUR)', '', 'g') AS DOUBLE)
END
