-- Text → BOOLEAN. The spellings meaning true and false are the data's own distinct values, classified in
-- JS by src/ingest/values.ts and passed as chr(31)-joined lists (a macro cannot hold bound parameters).
CREATE OR REPLACE MACRO parse_bool(s, true_values, false_values) AS CASE
  WHEN list_contains(string_split(true_values, chr(31)), trim(s)) THEN true
  WHEN list_contains(string_split(false_values, chr(31)), trim(s)) THEN false
  ELSE NULL END
