package dev.tributary.collector.testing;

import dev.tributary.collector.sink.Sink;
import dev.tributary.collector.sink.SinkBufferFullException;
import dev.tributary.collector.sink.SinkOutcome;
import dev.tributary.collector.sink.SinkUnavailableException;
import dev.tributary.schemas.avro.CollectorPayload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Sink} that keeps payloads in a list: stores at once ({@link Mode#ACKNOWLEDGE}), holds each store
 * until the test completes it ({@link Mode#HOLD}, for out-of-order acknowledgements), or refuses
 * ({@link Mode#FAIL}, {@link Mode#FULL}). A payload counts as stored only once acknowledged, as with Kafka.
 * Single-threaded use (an {@code EmbeddedChannel} test).
 */
public final class InMemorySink implements Sink {

    public enum Mode { ACKNOWLEDGE, HOLD, FAIL, FULL }

    /** A store the test has not answered yet. */
    public final class Pending {
        public final CollectorPayload payload;
        public final Optional<String> partitionKey;
        private final CompletableFuture<SinkOutcome> future;

        private Pending(CollectorPayload payload, Optional<String> partitionKey, CompletableFuture<SinkOutcome> future) {
            this.payload = payload;
            this.partitionKey = partitionKey;
            this.future = future;
        }

        public void acknowledge() {
            pending.remove(this);
            stored.add(payload);
            healthy = true;
            future.complete(new SinkOutcome(1, 0));
        }

        public void fail() {
            pending.remove(this);
            healthy = false;
            future.completeExceptionally(new SinkUnavailableException("not stored", null));
        }
    }

    private final List<CollectorPayload> stored = new ArrayList<>();
    private final List<Optional<String>> keys = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();
    private Mode mode = Mode.ACKNOWLEDGE;
    private boolean healthy = true;
    private boolean closed;

    public InMemorySink mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    @Override
    public CompletableFuture<SinkOutcome> store(CollectorPayload payload, Optional<String> partitionKey) {
        if (closed) {
            throw new IllegalStateException("store after close");
        }
        keys.add(partitionKey);
        CompletableFuture<SinkOutcome> future = new CompletableFuture<>();
        Pending p = new Pending(payload, partitionKey, future);
        switch (mode) {
            case ACKNOWLEDGE -> {
                pending.add(p);
                p.acknowledge();
            }
            case HOLD -> pending.add(p);
            case FAIL -> {
                pending.add(p);
                p.fail();
            }
            case FULL -> future.completeExceptionally(new SinkBufferFullException(maxBufferedBytes()));
        }
        return future;
    }

    /** Acknowledged payloads, in acknowledgement order. */
    public List<CollectorPayload> stored() {
        return List.copyOf(stored);
    }

    /** Partition keys of every store call, in call order. */
    public List<Optional<String>> partitionKeys() {
        return List.copyOf(keys);
    }

    /** Stores held in {@link Mode#HOLD}, in call order. */
    public List<Pending> pending() {
        return List.copyOf(pending);
    }

    public void healthy(boolean healthy) {
        this.healthy = healthy;
    }

    @Override
    public boolean healthy() {
        return healthy;
    }

    @Override
    public long bufferedBytes() {
        return 0;
    }

    @Override
    public long maxBufferedBytes() {
        return 1 << 20;
    }

    @Override
    public void close(Duration timeout) {
        closed = true;
    }
}
