-- Text → DOUBLE: thousands separators, currency symbols and codes, spaces, full-width digits, magnitude
-- suffixes ("$342.09K", "1.2万") and parentheses negatives ("(1,234)"). sep is the column's decimal
-- separator ('.' or ','; see src/ingest/numberFormat.ts): with '.' "1.234,56" fails and "1,234" is one
-- thousand two hundred and thirty-four; with ',' "1.234,56" is 1234.56 and "1,234" is 1.234. A digit group
-- must have three digits ("1,23,4" fails). Without a sep (''), a comma is decimal only where it cannot
-- group thousands ("1.234,56", "12,5"). A suffixed value is scaled in DECIMAL, so 342.09K is 342090 exactly.
-- The plain cast comes first: only cells it cannot read take the regular-expression path.
CREATE OR REPLACE MACRO parse_number(s, sep := '') AS CASE
  WHEN sep <> ',' AND isfinite(TRY_CAST(s AS DOUBLE)) THEN TRY_CAST(s AS DOUBLE)
  ELSE (CASE WHEN regexp_matches(number_text(s), '^\(.*\)$') THEN -1 ELSE 1 END) * (CASE
    WHEN CASE
        WHEN sep = ',' THEN false
        WHEN sep = '.' THEN true
        ELSE NOT regexp_matches(number_digits(number_text(s)), '^[-+]?([0-9]{1,3}(\.[0-9]{3})+,[0-9]+|[0-9]+,[0-9]{1,2})$')
      END
    THEN CASE WHEN regexp_matches(number_digits(number_text(s)),
        '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$')
      THEN CAST(TRY_CAST(replace(number_digits(number_text(s)), ',', '') AS DECIMAL(38, 10))
        * CAST(number_scale(number_text(s)) AS DECIMAL(38, 10)) AS DOUBLE) END
    ELSE CASE WHEN regexp_matches(number_digits(number_text(s)),
        '^[-+]?([0-9]{1,3}(\.[0-9]{3})+|[0-9]*)(,[0-9]+)?$')
      THEN CAST(TRY_CAST(replace(replace(number_digits(number_text(s)), '.', ''), ',', '.') AS DECIMAL(38, 10))
        * CAST(number_scale(number_text(s)) AS DECIMAL(38, 10)) AS DOUBLE) END
  END)
END
