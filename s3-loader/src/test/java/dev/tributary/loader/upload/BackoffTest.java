package dev.tributary.loader.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(20));

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 4711L})
    void delaysStayWithinTheDoublingCeilingCappedAtTheMaximum(long seed) {
        Random random = new Random(seed);
        for (int attempt = 0; attempt < 64; attempt++) {
            long ceiling = Math.min(20_000, 100L << Math.min(attempt, 30));
            for (int i = 0; i < 100; i++) {
                assertThat(backoff.delay(attempt, random).toMillis()).isBetween(0L, ceiling);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {7L, 8L})
    void jitterSpreadsRetriesOverTheWholeWindow(long seed) {
        Random random = new Random(seed);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 2000; i++) {
            long d = backoff.delay(10, random).toMillis();
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        // 2000 uniform draws over [0, 20000]: both ends of the window are reached within 5%.
        assertThat(min).isLessThan(1000);
        assertThat(max).isGreaterThan(19_000);
    }
}
