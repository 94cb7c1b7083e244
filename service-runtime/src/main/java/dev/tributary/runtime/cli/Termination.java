package dev.tributary.runtime.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The end of a service's life, set once: {@link #complete} for a clean stop, {@link #fail} for a fatal error.
 * The first call wins, so a failure reported while a clean stop is under way does not turn it into a failure,
 * and a clean stop after a failure does not hide the failure.
 */
public final class Termination {

    private final CountDownLatch done = new CountDownLatch(1);
    private Throwable failure;
    private boolean set;

    public void complete() {
        settle(null);
    }

    public void fail(Throwable cause) {
        settle(cause == null ? new IllegalStateException("failed without a cause") : cause);
    }

    private synchronized void settle(Throwable cause) {
        if (!set) {
            set = true;
            failure = cause;
            done.countDown();
        }
    }

    public boolean isDone() {
        return done.getCount() == 0;
    }

    /** Waits for the end; returns on a clean stop, throws {@link ServiceFailedException} on a failure. */
    public void await() throws InterruptedException {
        done.await();
        throwIfFailed();
    }

    /** {@code true} if the end came within {@code timeout}; throws as {@link #await()} does. */
    public boolean await(Duration timeout) throws InterruptedException {
        boolean ended = done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (ended) {
            throwIfFailed();
        }
        return ended;
    }

    private synchronized void throwIfFailed() {
        if (failure != null) {
            throw new ServiceFailedException(failure);
        }
    }

    /** The service stopped because of {@link #getCause()}. */
    public static final class ServiceFailedException extends RuntimeException {
        ServiceFailedException(Throwable cause) {
            super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }
}
