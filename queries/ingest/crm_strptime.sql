-- The written date and time formats CRM exports use besides ISO, tried in order: year first (2024/1/5,
-- 2024.1.5, 2024年1月5日, with or without a time) and month names (15 Apr, 2021 00:03:00 · Apr 15, 2021 ·
-- 15-Apr-21). A year below 1000 is a misreading ("2/3/24" as the year 2), so it gives NULL.
CREATE OR REPLACE MACRO crm_strptime(s) AS CASE
  WHEN year(try_strptime(trim(s), ['%Y/%m/%d %H:%M:%S', '%Y/%m/%d %H:%M', '%Y/%m/%d', '%Y-%m-%dT%H:%M:%S',
    '%Y-%m-%d %H:%M', '%Y年%m月%d日 %H:%M:%S', '%Y年%m月%d日 %H:%M', '%Y年%m月%d日', '%Y.%m.%d %H:%M:%S',
    '%Y.%m.%d', '%d %b, %Y %H:%M:%S', '%d %b, %Y %H:%M', '%d %b, %Y', '%d %b %Y', '%d %B %Y', '%d-%b-%y',
    '%d-%b-%Y', '%b %d, %Y %H:%M:%S', '%b %d, %Y', '%B %d, %Y', '%b %d %Y'])) >= 1000
  THEN try_strptime(trim(s), ['%Y/%m/%d %H:%M:%S', '%Y/%m/%d %H:%M', '%Y/%m/%d', '%Y-%m-%dT%H:%M:%S',
    '%Y-%m-%d %H:%M', '%Y年%m月%d日 %H:%M:%S', '%Y年%m月%d日 %H:%M', '%Y年%m月%d日', '%Y.%m.%d %H:%M:%S',
    '%Y.%m.%d', '%d %b, %Y %H:%M:%S', '%d %b, %Y %H:%M', '%d %b, %Y', '%d %b %Y', '%d %B %Y', '%d-%b-%y',
    '%d-%b-%Y', '%b %d, %Y %H:%M:%S', '%b %d, %Y', '%B %d, %Y', '%b %d %Y'])
END
