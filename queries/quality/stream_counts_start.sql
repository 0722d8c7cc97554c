-- The value counts of a streamed upload (src/ingest/qualityStream.ts), summed chunk by chunk.
CREATE OR REPLACE TEMP TABLE stream_quality_counts (col VARCHAR, value VARCHAR, n BIGINT)
