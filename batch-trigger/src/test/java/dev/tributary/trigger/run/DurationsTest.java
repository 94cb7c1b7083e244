package dev.tributary.trigger.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void parsesTheCliForms() {
        assertThat(Durations.parse("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(Durations.parse("1s")).isEqualTo(Duration.ofSeconds(1));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("1d12h")).isEqualTo(Duration.ofHours(36));
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void rejectsAnythingElse() {
        for (String bad : new String[] {"", "60", "s", "5 m", "1x", "m5"}) {
            assertThatThrownBy(() -> Durations.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void runIdsAreLocalTimeOfTheRunnerHost() {
        Instant instant = Instant.parse("2026-12-01T09:05:07Z");
        RunId id = RunId.now(Clock.fixed(instant, ZoneId.of("Europe/Berlin")));

        assertThat(id.value()).isEqualTo("2026-12-01-10-05-07");
        assertThat(id.folderName()).isEqualTo("run=2026-12-01-10-05-07");
        assertThat(id.etlTimestamp()).isEqualTo(instant);
        assertThat(RunId.parse("2026-12-01-10-05-07", ZoneId.of("Europe/Berlin")).etlTimestamp()).isEqualTo(instant);
    }
}
