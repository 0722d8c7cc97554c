-- Frees the streamed upload's summed counts.
DROP TABLE IF EXISTS stream_quality_counts
