-- The key under which spellings of one category are the same value: full-width forms made ASCII, case
-- folded, outer spaces trimmed and inner runs of spaces made one ("Google", "google", "ＧＯＯＧＬＥ").
CREATE OR REPLACE MACRO fold_key(s) AS lower(regexp_replace(trim(halfwidth(s)), '\s+', ' ', 'g'))
