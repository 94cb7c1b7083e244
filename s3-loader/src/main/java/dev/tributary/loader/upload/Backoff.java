package dev.tributary.loader.upload;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with full jitter: attempt n waits a uniform time in [0, min(max, initial * 2^n)]. */
public record Backoff(Duration initial, Duration max) {

    public Duration delay(int attempt, RandomGenerator random) {
        long cap = max.toMillis();
        long exp = initial.toMillis() << Math.min(attempt, 30);
        long ceiling = exp <= 0 || exp > cap ? cap : exp;
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }
}
