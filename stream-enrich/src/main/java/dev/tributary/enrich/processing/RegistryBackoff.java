package dev.tributary.enrich.processing;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exponential backoff for schema registry outages, shared by every stream thread: each consecutive failure waits
 * twice as long as the one before (from {@code initial} up to {@code max}), and {@link #healthy()} is false from the
 * first failure until a lookup succeeds again, so {@code /health} tells operators why nothing moves.
 *
 * <p>The wait happens on the stream thread, which retries the same record after it. {@link #stop()} ends the
 * waiting when the application shuts down.
 */
public final class RegistryBackoff {

    /** How the backoff waits; a test passes one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Duration initial;
    private final Duration max;
    private final Sleeper sleeper;
    private final AtomicLong consecutiveFailures = new AtomicLong();
    private final AtomicLong totalFailures = new AtomicLong();
    private final AtomicBoolean healthy = new AtomicBoolean(true);
    private final AtomicBoolean stopped = new AtomicBoolean();

    public RegistryBackoff(Duration initial, Duration max, Sleeper sleeper) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("expected 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    public static RegistryBackoff sleeping(Duration initial, Duration max) {
        return new RegistryBackoff(initial, max, d -> Thread.sleep(d.toMillis()));
    }

    /** A lookup succeeded: the next failure starts again from {@code initial}. */
    public void succeeded() {
        consecutiveFailures.set(0);
        healthy.set(true);
    }

    /**
     * A lookup failed: marks the registry unhealthy and waits the next delay of the sequence.
     *
     * @return the delay waited
     */
    public Duration failed() {
        long failures = consecutiveFailures.incrementAndGet();
        totalFailures.incrementAndGet();
        healthy.set(false);
        Duration delay = delay(failures);
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            // Shutting down: stop waiting, keep the interrupt for Kafka Streams to see.
            Thread.currentThread().interrupt();
        }
        return delay;
    }

    /** The wait after the {@code failures}-th consecutive failure: initial * 2^(failures-1), capped at max. */
    Duration delay(long failures) {
        long shift = Math.min(failures - 1, 30);
        long millis = initial.toMillis() << shift;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    /** The application is shutting down: whoever waits for the registry should give up. */
    public void stop() {
        stopped.set(true);
    }

    public boolean stopped() {
        return stopped.get() || Thread.currentThread().isInterrupted();
    }

    public boolean healthy() {
        return healthy.get();
    }

    public long consecutiveFailures() {
        return consecutiveFailures.get();
    }

    public long totalFailures() {
        return totalFailures.get();
    }
}
