package dev.tributary.loader.config;

/**
 * Where the date/hour tokens of the partition format take their time from. Both are properties of the record, so a
 * replay after a crash derives the same folders; wall-clock processing time is deliberately not offered because a
 * replay would put the same offsets in another folder.
 */
public enum TimeSource {
    /** The event's collector timestamp (enriched TSV field {@code collector_tstamp}); other purposes fall back to KAFKA. */
    COLLECTOR,
    /** The Kafka record timestamp (producer create time or broker append time). */
    KAFKA
}
