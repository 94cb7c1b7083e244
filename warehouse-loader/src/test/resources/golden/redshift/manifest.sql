CREATE TABLE IF NOT EXISTS atomic.manifest (
  base VARCHAR(512) ENCODE ZSTD NOT NULL,
  types VARCHAR(65535) ENCODE ZSTD,
  shredding_started TIMESTAMP ENCODE ZSTD,
  shredding_completed TIMESTAMP ENCODE ZSTD,
  min_collector_tstamp TIMESTAMP ENCODE ZSTD,
  max_collector_tstamp TIMESTAMP ENCODE ZSTD,
  ingestion_tstamp TIMESTAMP ENCODE ZSTD NOT NULL,
  compression VARCHAR(16) ENCODE ZSTD,
  processor_artifact VARCHAR(64) ENCODE ZSTD,
  processor_version VARCHAR(32) ENCODE ZSTD,
  count_good BIGINT ENCODE ZSTD,
  events_loaded BIGINT ENCODE ZSTD NOT NULL,
  events_skipped_duplicates BIGINT ENCODE ZSTD NOT NULL,
  table_rows VARCHAR(65535) ENCODE ZSTD,
  load_started TIMESTAMP ENCODE ZSTD NOT NULL,
  load_ms BIGINT ENCODE ZSTD NOT NULL
)
