-- The streamed upload's summed counts as the counted upload the panel's queries read (quality_counts).
CREATE OR REPLACE TEMP TABLE quality_counts AS
SELECT col, value, n FROM stream_quality_counts
