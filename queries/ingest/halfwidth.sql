-- Full-width forms → ASCII (the NFKC mappings that matter for digits, signs, Latin letters and the
-- ideographic space: "５０" → "50", "ＧＯＯＧＬＥ" → "GOOGLE", "￥" → "¥"). DuckDB has no NFKC function.
CREATE OR REPLACE MACRO halfwidth(s) AS translate(s,
  '！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～　￥￡￠',
  '!"#$%&''()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ¥£¢')
