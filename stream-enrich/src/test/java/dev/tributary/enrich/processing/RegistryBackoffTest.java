package dev.tributary.enrich.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryBackoffTest {

    private final List<Duration> waits = new ArrayList<>();
    private final RegistryBackoff backoff = new RegistryBackoff(Duration.ofMillis(100), Duration.ofSeconds(5),
            waits::add);

    @Test
    void consecutiveFailuresWaitExponentiallyLongerUpToTheMaximum() {
        for (int i = 0; i < 10; i++) {
            backoff.failed();
        }

        assertThat(waits).extracting(Duration::toMillis)
                .containsExactly(100L, 200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L, 5000L, 5000L);
        assertThat(backoff.consecutiveFailures()).isEqualTo(10);
    }

    @Test
    void unhealthyFromTheFirstFailureUntilASuccessWhichAlsoRestartsTheSequence() {
        assertThat(backoff.healthy()).isTrue();
        backoff.failed();
        backoff.failed();
        assertThat(backoff.healthy()).isFalse();

        backoff.succeeded();
        assertThat(backoff.healthy()).isTrue();
        backoff.failed();

        assertThat(waits).extracting(Duration::toMillis).containsExactly(100L, 200L, 100L);
        assertThat(backoff.totalFailures()).isEqualTo(3);
    }

    @Test
    void anInterruptedWaitEndsAndKeepsTheInterrupt() {
        RegistryBackoff interrupted = new RegistryBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), d -> {
            throw new InterruptedException("shutdown");
        });
        try {
            assertThat(interrupted.failed()).isEqualTo(Duration.ofMillis(100));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theSequenceNeverOverflows() {
        assertThat(backoff.delay(1_000_000)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aMaximumBelowTheInitialWaitIsRefused() {
        assertThatThrownBy(() -> new RegistryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), d -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
