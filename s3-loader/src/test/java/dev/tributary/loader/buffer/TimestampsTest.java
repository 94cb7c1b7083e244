package dev.tributary.loader.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.schemas.enriched.EnrichedTsv;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L})
    void agreesWithTheEnrichedFormatterOnRandomInstants(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 2000; i++) {
            Instant t = Instant.ofEpochMilli(random.nextLong(0, 8_000_000_000_000L));
            byte[] text = ("x\t" + EnrichedTsv.formatTimestamp(t) + "\ty").getBytes(StandardCharsets.UTF_8);
            assertThat(Timestamps.parseMillis(text, 2, text.length - 2)).isEqualTo(t.toEpochMilli());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30 10:00:00.000", "2026-13-01 10:00:00", "2026-01-01T10:00:00", "2026-01-01",
            "2026-01-01 10:00:00.", "2026-01-01 10:00:00.12a", "2026-01-01 24:00:00", "abcd-01-01 10:00:00"})
    void refusesAnythingElse(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        assertThat(Timestamps.parseMillis(b, 0, b.length)).isEqualTo(Long.MIN_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01 10:00:00", "2026-01-01 10:00:00.5"})
    void acceptsSecondsAndShortFractions(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        Instant expected = Instant.parse(text.replace(' ', 'T') + "Z");
        assertThat(Timestamps.parseMillis(b, 0, b.length)).isEqualTo(expected.toEpochMilli());
    }
}
