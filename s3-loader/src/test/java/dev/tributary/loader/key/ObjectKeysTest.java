package dev.tributary.loader.key;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.loader.config.Purpose;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {

    private final ObjectKeys keys = new ObjectKeys("/enriched/", PartitionFormat.parse("{yyyy}/{MM}", Purpose.RAW));

    @Test
    void keyIsPrefixFolderAndTopicPartitionOffsets() {
        long t = Instant.parse("2026-07-01T00:00:00Z").toEpochMilli();
        assertThat(keys.key(t, SchemaGroup.NONE, "enriched", 2, new OffsetRange(100, 199)))
                .isEqualTo("enriched/2026/07/enriched-2-100-199.gz");
    }

    @Test
    void readsTheRangeBackOnlyForItsOwnTopicAndPartition() {
        String key = "enriched/2026/07/enriched-2-100-199.gz";
        assertThat(ObjectKeys.rangeOf(key, "enriched", 2)).contains(new OffsetRange(100, 199));
        assertThat(ObjectKeys.rangeOf(key, "enriched", 1)).isEmpty();
        assertThat(ObjectKeys.rangeOf("x/enriched-2-2-100-199.gz", "enriched", 2)).isEmpty();
        assertThat(ObjectKeys.rangeOf("x/my-topic-12-5-7.gz", "my-topic", 12)).contains(new OffsetRange(5, 7));
        assertThat(ObjectKeys.rangeOf("x/enriched-2-100-199.gz.tmp", "enriched", 2)).isEmpty();
    }
}
