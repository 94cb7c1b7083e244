package dev.tributary.collector.sink;

import dev.tributary.schemas.avro.CollectorPayload;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where the collector's handler hands a request's payload. The only production implementation is
 * {@link KafkaSink}; the handler depends on this interface alone, so it can be driven without a broker.
 */
public interface Sink {

    /**
     * Stores the payload. Completes normally once every record of it is durably stored, exceptionally
     * otherwise ({@link SinkBufferFullException} when it was refused at once for lack of buffer room). Never
     * blocks the caller (an HTTP event loop).
     *
     * @param partitionKey the record key; empty for a random one
     */
    CompletableFuture<SinkOutcome> store(CollectorPayload payload, Optional<String> partitionKey);

    /** False after a failed write, until the next acknowledged one; cheap, never blocks. */
    boolean healthy();

    /** Bytes of accepted payloads not yet stored. */
    long bufferedBytes();

    /** The most {@link #bufferedBytes()} may reach before {@link #store} refuses. */
    long maxBufferedBytes();

    /** Stores what is buffered and releases resources, waiting up to {@code timeout}. */
    void close(Duration timeout);
}
