package dev.tributary.loader.config;

/** What the consumed topic carries, which decides how records become lines and where objects go. */
public enum Purpose {
    /** Enriched events: TSV lines as they are, or Avro {@code EnrichedEvent} converted to TSV. */
    ENRICHED_EVENTS,
    /** Self-describing bad rows (JSON), partitioned by their schema. */
    BAD_ROWS,
    /** Collector payloads kept byte for byte for replay: one base64 Confluent wire-format record per line. */
    RAW
}
