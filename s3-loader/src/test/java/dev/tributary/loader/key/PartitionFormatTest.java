package dev.tributary.loader.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.loader.config.Purpose;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartitionFormatTest {

    private static final long T = Instant.parse("2026-12-31T23:59:59.999Z").toEpochMilli();

    @Test
    void rendersUtcDateAndHourTokens() {
        assertThat(PartitionFormat.parse("date={yyyy}-{MM}-{dd}/hour={HH}", Purpose.ENRICHED_EVENTS)
                .render(T, SchemaGroup.NONE)).isEqualTo("date=2026-12-31/hour=23");
    }

    @Test
    void rendersBadRowSchemaTokens() {
        SchemaGroup group = new SchemaGroup("com.snowplowanalytics.snowplow.badrows", "schema_violations", "jsonschema",
                2);
        assertThat(PartitionFormat.parse("/{vendor}.{name}/{format}-{model}/{yyyy}/", Purpose.BAD_ROWS)
                .render(T, group))
                .isEqualTo("com.snowplowanalytics.snowplow.badrows.schema_violations/jsonschema-2/2026");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{vendor}/{yyyy}", "{yy}/{MM}", "{yyyy}//{MM}", "{yyyy}/{MM"})
    void refusesUnknownMisplacedOrBrokenTokens(String format) {
        assertThatThrownBy(() -> PartitionFormat.parse(format, Purpose.ENRICHED_EVENTS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L})
    void aLaterHourIsALaterBucketAndTheSameHourTheSameOne(long seed) {
        Random random = new Random(seed);
        PartitionFormat hourly = PartitionFormat.parse("{yyyy}/{MM}/{dd}/{HH}", Purpose.RAW);
        for (int i = 0; i < 1000; i++) {
            long a = random.nextLong(0, 4_000_000_000_000L);
            long b = random.nextLong(0, 4_000_000_000_000L);
            boolean sameFolder = hourly.render(a, SchemaGroup.NONE).equals(hourly.render(b, SchemaGroup.NONE));
            assertThat(hourly.bucketOf(a) == hourly.bucketOf(b)).isEqualTo(sameFolder);
            if (!sameFolder) {
                assertThat(hourly.bucketOf(a) < hourly.bucketOf(b)).isEqualTo(a < b);
            }
        }
    }
}
