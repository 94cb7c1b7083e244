package dev.tributary.collector.sink;

/** What Kafka acknowledged for one request: raw records and size-violation bad rows. */
public record SinkOutcome(int rawRecords, int badRows) {
}
