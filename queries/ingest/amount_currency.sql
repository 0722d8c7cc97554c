-- The currency an amount cell names by symbol or code, as an ISO code; NULL when it names none.
-- A bare $ is taken as USD and a bare ¥ / 元 as CNY (the load report lists what was seen, so a CAD or JPY
-- file shows up there).
CREATE OR REPLACE MACRO amount_currency(s) AS CASE
  WHEN s IS NULL OR NOT regexp_matches(s, '[^0-9.,\s()+-]') THEN NULL
  WHEN regexp_matches(halfwidth(s), '(?i)HK\$|HKD') THEN 'HKD'
  WHEN regexp_matches(halfwidth(s), '(?i)JP¥|JPY|円') THEN 'JPY'
  WHEN regexp_matches(halfwidth(s), '(?i)CN¥|RMB|CNY|人民币|[¥元]') THEN 'CNY'
  WHEN regexp_matches(halfwidth(s), '(?i)EUR|€') THEN 'EUR'
  WHEN regexp_matches(halfwidth(s), '(?i)GBP|£') THEN 'GBP'
  WHEN regexp_matches(halfwidth(s), '(?i)USD|\$') THEN 'USD'
END
