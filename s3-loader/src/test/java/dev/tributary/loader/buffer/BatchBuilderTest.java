package dev.tributary.loader.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.loader.key.OffsetRange;
import dev.tributary.loader.key.SchemaGroup;
import dev.tributary.loader.testing.Bucket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchBuilderTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L})
    void linesComeOutOfEachGroupsGzipInOrderWhateverTheirSizes(long seed) {
        Random random = new Random(seed);
        List<SchemaGroup> groups = List.of(SchemaGroup.NONE, new SchemaGroup("v", "a", "jsonschema", 1),
                new SchemaGroup("v", "b", "jsonschema", 2));
        BatchBuilder builder = new BatchBuilder("t", 0, 100, System.nanoTime(), pool, 6);
        Map<SchemaGroup, List<String>> expected = new HashMap<>();
        long offset = 100;
        for (int i = 0; i < 3000; i++) {
            // Mostly small lines, some larger than the 256 KiB compression chunk.
            int length = random.nextInt(50) == 0 ? 300_000 + random.nextInt(100_000) : random.nextInt(2000);
            StringBuilder line = new StringBuilder(length);
            for (int k = 0; k < length; k++) {
                line.append((char) ('a' + random.nextInt(26)));
            }
            SchemaGroup group = groups.get(random.nextInt(groups.size()));
            expected.computeIfAbsent(group, g -> new ArrayList<>()).add(line.toString());
            builder.addLine(offset++, group, line.toString().getBytes(StandardCharsets.UTF_8), 0L, 0L);
        }

        Batch batch = builder.seal(RotationReason.RECORDS);

        assertThat(batch.range()).isEqualTo(new OffsetRange(100, 3099));
        assertThat(batch.bodies().keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        batch.bodies().forEach((group, gz) -> assertThat(Bucket.gunzipLines(gz)).isEqualTo(expected.get(group)));
    }

    @org.junit.jupiter.api.Test
    void theGzipLevelTradesSizeForSpeedWithoutChangingTheContent() {
        Random random = new Random(7);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            // Enriched-TSV-like text: repetitive structure, varying values.
            lines.add("shop\tweb\t2026-11-21 10:00:" + (10 + random.nextInt(50)) + ".000\tpage_view\t"
                    + Long.toHexString(random.nextLong()) + "\thttps://shop.example.com/p/" + random.nextInt(500));
        }
        Map<Integer, byte[]> bodies = new HashMap<>();
        for (int level : new int[] {1, 9}) {
            BatchBuilder builder = new BatchBuilder("t", 0, 0, System.nanoTime(), pool, level);
            for (int i = 0; i < lines.size(); i++) {
                builder.addLine(i, SchemaGroup.NONE, lines.get(i).getBytes(StandardCharsets.UTF_8), 0L, 0L);
            }
            bodies.put(level, builder.seal(RotationReason.RECORDS).bodies().get(SchemaGroup.NONE));
        }

        assertThat(Bucket.gunzipLines(bodies.get(1))).isEqualTo(lines);
        assertThat(Bucket.gunzipLines(bodies.get(9))).isEqualTo(lines);
        assertThat(bodies.get(9).length).isLessThan(bodies.get(1).length);
    }
}
