package dev.tributary.loader.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.loader.config.InputFormat;
import dev.tributary.loader.config.Purpose;
import dev.tributary.loader.config.TimeSource;
import dev.tributary.loader.key.SchemaGroup;
import dev.tributary.loader.testing.TsvLines;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordDecoderTest {

    private final RecordDecoder collectorTime = new RecordDecoder(Purpose.ENRICHED_EVENTS, InputFormat.TSV,
            TimeSource.COLLECTOR, null);

    @Test
    void anEnrichedLineKeepsItsBytesAndTakesItsTimeFromCollectorTstamp() {
        Instant t = Instant.parse("2026-04-05T06:07:08.009Z");
        byte[] line = TsvLines.line(1, t).getBytes(StandardCharsets.UTF_8);

        Decoded decoded = collectorTime.decode("enriched", line, 0L);

        assertThat(decoded).isInstanceOfSatisfying(Decoded.Line.class, l -> {
            assertThat(l.line()).isSameAs(line);
            assertThat(l.group()).isEqualTo(SchemaGroup.NONE);
            assertThat(l.eventTimeMillis()).isEqualTo(t.toEpochMilli());
        });
    }

    @Test
    void kafkaTimeSourceUsesTheRecordTimestamp() {
        RecordDecoder kafkaTime = new RecordDecoder(Purpose.ENRICHED_EVENTS, InputFormat.TSV, TimeSource.KAFKA, null);
        byte[] line = TsvLines.line(1, Instant.parse("2026-04-05T06:07:08Z")).getBytes(StandardCharsets.UTF_8);

        assertThat(kafkaTime.decode("enriched", line, 42L)).isInstanceOfSatisfying(Decoded.Line.class,
                l -> assertThat(l.eventTimeMillis()).isEqualTo(42L));
    }

    @Test
    void linesItCannotWriteBecomeUndecodableWithTheReason() {
        String good = TsvLines.line(1, Instant.parse("2026-04-05T06:07:08Z"));
        assertThat(reason("only\tthree\tfields")).contains("expected 131 tab-separated fields, got 3");
        assertThat(reason(good.replace("2026-04-05 06:07:08.000", "yesterday"))).contains("collector_tstamp");
        assertThat(reason(good.replace("test-app", "test\napp"))).contains("line break");
    }

    private String reason(String value) {
        Decoded d = collectorTime.decode("enriched", value.getBytes(StandardCharsets.UTF_8), 0L);
        assertThat(d).isInstanceOf(Decoded.Undecodable.class);
        assertThat(((Decoded.Undecodable) d).payload()).isEqualTo(value);
        return ((Decoded.Undecodable) d).error();
    }
}
