package dev.tributary.loader.consume;

import dev.tributary.loader.upload.Backoff;
import dev.tributary.loader.upload.RetryListener;
import dev.tributary.schemas.registry.SchemaRegistryException;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema registry could not be asked for a writer schema (AVRO input). That is an outage, not bad data: the record
 * is read again after an exponential backoff, for as long as it takes, and the loader reports itself unhealthy
 * meanwhile. Only the consumer thread calls the mutators; the health check reads {@link #reason()} from another.
 */
final class RegistryOutage {

    static final String OPERATION = "schema-registry";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryOutage.class);

    private final String loader;
    private final Backoff backoff;
    private final RetryListener listener;
    private final RandomGenerator random;

    private int attempts;
    private long retryAtNanos;
    private volatile String reason;

    RegistryOutage(String loader, Backoff backoff, RetryListener listener, RandomGenerator random) {
        this.loader = loader;
        this.backoff = backoff;
        this.listener = listener;
        this.random = random;
    }

    /**
     * A lookup failed at {@code nowNanos}. Only a failure of a due retry pushes the next one further out: other
     * partitions failing in the meantime wait for the same moment.
     */
    void failed(SchemaRegistryException e, long nowNanos) {
        if (attempts > 0 && nowNanos < retryAtNanos) {
            return;
        }
        attempts++;
        long delayMillis = backoff.delay(attempts - 1, random).toMillis();
        retryAtNanos = nowNanos + delayMillis * 1_000_000;
        listener.onRetry(OPERATION, attempts, e);
        reason = "schema registry unavailable, retrying (attempt " + attempts + "): " + e.getMessage();
        LOG.atWarn().addKeyValue("loader", loader).addKeyValue("attempt", attempts)
                .addKeyValue("retry_in_ms", delayMillis).addKeyValue("status", e.status())
                .addKeyValue("cause", e.getMessage()).log("schema registry unavailable");
    }

    /** A record was decoded: whatever failed before has recovered. */
    void succeeded() {
        if (attempts > 0) {
            LOG.atInfo().addKeyValue("loader", loader).addKeyValue("attempts", attempts)
                    .log("schema registry recovered");
            attempts = 0;
            reason = null;
        }
    }

    boolean retryDue(long nowNanos) {
        return nowNanos >= retryAtNanos;
    }

    /** Why the loader is unhealthy because of the registry, or null while it answers. */
    String reason() {
        return reason;
    }
}
