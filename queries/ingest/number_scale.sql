-- The factor of a magnitude suffix at the end of a number: K/千 thousand, M/MM/百万 million, 万 ten
-- thousand, 千万 ten million, 亿 hundred million, B/bn billion; 1 without one.
CREATE OR REPLACE MACRO number_scale(t) AS CASE
  lower(regexp_extract(t, '(?i)(k|mm|m|bn|b|千万|百万|千|万|亿)\)?$', 1))
  WHEN 'k' THEN 1e3 WHEN '千' THEN 1e3
  WHEN 'm' THEN 1e6 WHEN 'mm' THEN 1e6 WHEN '百万' THEN 1e6
  WHEN '万' THEN 1e4 WHEN '千万' THEN 1e7 WHEN '亿' THEN 1e8
  WHEN 'b' THEN 1e9 WHEN 'bn' THEN 1e9
  ELSE 1 END
