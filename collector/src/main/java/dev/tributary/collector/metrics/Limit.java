package dev.tributary.collector.metrics;

/** The collector's protective limits; the {@code limit} label of {@code collector_limit_rejections_total}. */
public enum Limit {
    /** {@code networking.max-connections}: a new connection was answered 503 and closed. */
    CONNECTIONS("connections"),
    /** {@code networking.request-read-timeout}: a request did not arrive in time; its connection was closed. */
    READ_TIMEOUT("read_timeout"),
    /** {@code networking.max-pipelined-requests}: one request too many waiting on a connection: 503, closed. */
    PIPELINING("pipelining"),
    /** {@code sink.max-buffered-bytes}: the bytes waiting for Kafka were at the limit: 503. */
    SINK_BUFFER("sink_buffer");

    public final String label;

    Limit(String label) {
        this.label = label;
    }
}
