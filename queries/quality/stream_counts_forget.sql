-- Drops the value counts of the columns no longer counted (chr(31)-joined in $1).
DELETE FROM stream_quality_counts
WHERE list_contains(string_split($1, chr(31)), col)
