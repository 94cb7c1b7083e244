package dev.tributary.collector.sink;

/** {@code sink.max-buffered-bytes} are already waiting for Kafka: the request was refused before any send. */
public final class SinkBufferFullException extends SinkUnavailableException {

    public SinkBufferFullException(long limit) {
        super("sink buffer full (" + limit + " bytes waiting for Kafka)", null);
    }
}
