-- A cell, or NULL when it is one of its column's missing-value markers (missing_marker_map.sql); compared
-- lower-cased and trimmed, so "NA", " na " and "Na" are one marker. trim (which strips spaces of every
-- width: U+0020, U+00A0, U+3000 …) is most of the cost on millions of cells, so it only runs when an edge
-- may hold such a space: a leading or trailing ASCII space, or any non-ASCII character in the cell.
CREATE OR REPLACE MACRO unmark(v, key) AS CASE
  WHEN list_contains(getvariable('missing_markers')[key], lower(v)) THEN NULL
  WHEN (strlen(v) <> length(v) OR starts_with(v, ' ') OR ends_with(v, ' '))
    AND list_contains(getvariable('missing_markers')[key], lower(trim(v))) THEN NULL
  ELSE v
END
