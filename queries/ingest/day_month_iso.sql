-- A numeric day/month date ("13/5/2024", "05.01.2024", "05-01-24", with or without a time after it) as
-- ISO text 'YYYY-MM-DD' in the column's chosen order: fmt 'dmy' (day first) or 'mdy' (month first); NULL
-- for any other fmt or shape. Two-digit years: 00–69 → 2000s, 70–99 → 1900s. An impossible day or month
-- gives text that no longer casts to a date.
CREATE OR REPLACE MACRO day_month_iso(s, fmt) AS CASE
  WHEN fmt IN ('dmy', 'mdy') AND regexp_matches(s, '^[0-9]{1,2}[./-][0-9]{1,2}[./-]([0-9]{4}|[0-9]{2})([ T]|$)')
  THEN printf('%04d-%02d-%02d',
    CASE WHEN length(regexp_extract(s, '^[0-9]+[./-][0-9]+[./-]([0-9]+)', 1)) = 2
      THEN TRY_CAST(regexp_extract(s, '^[0-9]+[./-][0-9]+[./-]([0-9]+)', 1) AS INTEGER)
        + CASE WHEN TRY_CAST(regexp_extract(s, '^[0-9]+[./-][0-9]+[./-]([0-9]+)', 1) AS INTEGER) < 70 THEN 2000 ELSE 1900 END
      ELSE TRY_CAST(regexp_extract(s, '^[0-9]+[./-][0-9]+[./-]([0-9]+)', 1) AS INTEGER) END,
    TRY_CAST(regexp_extract(s, CASE WHEN fmt = 'dmy' THEN '^[0-9]+[./-]([0-9]+)' ELSE '^([0-9]+)' END, 1) AS INTEGER),
    TRY_CAST(regexp_extract(s, CASE WHEN fmt = 'dmy' THEN '^([0-9]+)' ELSE '^[0-9]+[./-]([0-9]+)' END, 1) AS INTEGER))
END
