package dev.tributary.collector.sink;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of bytes shared by every request between acceptance and Kafka's answer. A request that does
 * not fit is refused at once instead of queueing: under a broker outage or a flood, memory stays bounded and
 * trackers are told to retry.
 */
final class ByteBudget {

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    ByteBudget(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    /** Takes {@code bytes} if they fit entirely; never takes part of them. */
    boolean tryAcquire(long bytes) {
        long current;
        do {
            current = used.get();
            if (current + bytes > limit) {
                return false;
            }
        } while (!used.compareAndSet(current, current + bytes));
        return true;
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    long used() {
        return used.get();
    }

    long limit() {
        return limit;
    }
}
