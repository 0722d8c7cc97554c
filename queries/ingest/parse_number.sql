-- Text → DOUBLE, tolerating thousands separators, currency symbols and spaces ("$22,700.00", "¥1,234").
CREATE OR REPLACE MACRO parse_number(s) AS
  TRY_CAST(regexp_replace(trim(s), '[\s,$¥€£]|^(USD|CNY|RMB|EUR)', '', 'g') AS DOUBLE)
