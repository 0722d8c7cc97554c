-- The digits of a number_text() value without its parentheses and magnitude suffix: "(1,234)" → "1,234",
-- "1.2万" → "1.2".
CREATE OR REPLACE MACRO number_digits(t) AS regexp_replace(
  regexp_replace(t, '^\((.*)\)$', '\1'), '(?i)(k|mm|m|bn|b|千万|百万|千|万|亿)$', '')
