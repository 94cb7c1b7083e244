package dev.tributary.loader.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.loader.S3Loader;
import dev.tributary.loader.config.BufferConfig;
import dev.tributary.loader.config.LoaderConfig;
import dev.tributary.loader.config.Purpose;
import dev.tributary.loader.testing.Assertions2;
import dev.tributary.loader.testing.Bucket;
import dev.tributary.loader.testing.SharedInfra;
import dev.tributary.loader.testing.StoredObject;
import dev.tributary.loader.testing.TestConfigs;
import dev.tributary.loader.testing.Topics;
import dev.tributary.loader.testing.TsvLines;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RebalanceTest {

    private final SharedInfra infra = SharedInfra.get();
    private long seq;
    private final List<Long> produced = new ArrayList<>();

    @Test
    void twoLoadersInOneGroupShareTheTopicAcrossARebalanceWithoutLossOrDuplicates() {
        String topic = "rebalance";
        infra.kafka.createTopic(topic, 4);
        LoaderConfig config = TestConfigs.withBuffer(
                TestConfigs.loader(Purpose.ENRICHED_EVENTS, topic, "rebalance", "{yyyy}/{MM}/{dd}/{HH}"),
                new BufferConfig(20, 1 << 20, Duration.ofMillis(300)));
        infra.kafka.createTopic(config.badTopic(), 1);

        produceRound(topic);
        try (S3Loader a = S3Loader.start(config, infra.s3Client)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Topics.committedTotal(config.input().groupId()) >= 100);
            produceRound(topic);
            try (S3Loader b = S3Loader.start(config, infra.s3Client)) {
                await().atMost(Duration.ofSeconds(60)).until(b::assigned);
                produceRound(topic);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> Topics.committedTotal(config.input().groupId()) == produced.size());
                assertThat(records(b)).as("the second loader took over partitions").isPositive();
                produceRound(topic);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> Topics.committedTotal(config.input().groupId()) == produced.size());
            }
            // b left: a gets every partition back, mid-stream again.
            produceRound(topic);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> Topics.committedTotal(config.input().groupId()) == produced.size());
            assertThat(records(a)).isPositive();
        }

        List<StoredObject> objects = Bucket.objects(infra.s3Client, "rebalance");
        assertThat(Bucket.allLines(objects).stream().map(TsvLines::seq).toList())
                .containsExactlyInAnyOrderElementsOf(produced);
        long perPartition = produced.size() / 4;
        Assertions2.rangesTileEachPartition(objects, Map.of(0, perPartition, 1, perPartition, 2, perPartition,
                3, perPartition));
    }

    private void produceRound(String topic) {
        Instant t = Instant.parse("2026-02-02T10:00:00Z");
        for (int p = 0; p < 4; p++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 55; i++) {
                lines.add(TsvLines.line(seq, t.plusSeconds(seq)));
                produced.add(seq++);
            }
            Topics.produceLines(topic, p, lines);
        }
    }

    private static double records(S3Loader loader) {
        return loader.metrics().registry().find("loader.records").counters().stream().mapToDouble(Counter::count).sum();
    }
}
