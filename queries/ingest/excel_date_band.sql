-- A category value that looks like a numeric band Excel turned into a date: "5-20" → "May-20",
-- "1-10" → "10-Jan" or "1月10日".
CREATE OR REPLACE MACRO excel_date_band(s) AS regexp_matches(trim(s),
  '(?i)^([0-9]{1,2}-(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)-[0-9]{2,4}|[0-9]{1,2}月[0-9]{1,2}日)$')
