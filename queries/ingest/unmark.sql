-- A cell, or NULL when it is one of its column's missing-value markers (missing_marker_map.sql); compared
-- lower-cased and trimmed, so "NA", " na " and "Na" are one marker.
CREATE OR REPLACE MACRO unmark(v, key) AS CASE
  WHEN list_contains(getvariable('missing_markers')[key], lower(trim(v))) THEN NULL
  ELSE v
END
