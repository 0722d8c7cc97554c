-- A number cell reduced to sign, digits, separators, parentheses and a magnitude suffix: full-width forms
-- made ASCII, spaces (also no-break and thin) and apostrophe groupings removed, currency codes at either
-- end (USD 10, 10 USD, RMB, 元) and currency symbols anywhere removed. "$342.09K" → "342.09K".
CREATE OR REPLACE MACRO number_text(s) AS regexp_replace(
  regexp_replace(
    regexp_replace(halfwidth(s), '[\s\x{00A0}\x{202F}''’]', '', 'g'),
    '(?i)^(US\$|HK\$|CN¥|JP¥|RMB|USD|CNY|EUR|GBP|JPY|HKD)|(RMB|USD|CNY|EUR|GBP|JPY|HKD|人民币|元|円)$', '', 'g'),
  '[$¥€£¢]', '', 'g')
