-- Frees the value counts once the panel has read them.
DROP TABLE IF EXISTS quality_counts
