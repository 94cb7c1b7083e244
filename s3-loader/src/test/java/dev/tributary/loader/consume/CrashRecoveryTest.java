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
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CrashRecoveryTest {

    private final SharedInfra infra = SharedInfra.get();

    @Test
    void aLoaderKilledBetweenUploadAndCommitIsReplayedWithoutDuplicatesOrLoss() {
        String topic = "crash";
        infra.kafka.createTopic(topic, 2);
        Instant t = Instant.parse("2026-02-01T10:00:00Z");
        List<Long> all = new ArrayList<>();
        long seq = 0;
        for (int p = 0; p < 2; p++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                lines.add(TsvLines.line(seq, t.plusSeconds(i)));
                all.add(seq++);
            }
            Topics.produceLines(topic, p, lines);
        }
        LoaderConfig base = TestConfigs.loader(Purpose.ENRICHED_EVENTS, topic, "crash", "{yyyy}/{MM}/{dd}/{HH}");
        infra.kafka.createTopic(base.badTopic(), 1);

        // First run: batches of 30; the second commit never happens, as if the process died right before it.
        AtomicInteger commits = new AtomicInteger();
        LoaderHooks crashOnSecondCommit = new LoaderHooks() {
            @Override
            public void beforeCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
                if (commits.incrementAndGet() == 2) {
                    throw new IllegalStateException("simulated crash between upload and commit");
                }
            }
        };
        LoaderConfig first = TestConfigs.withBuffer(base, new BufferConfig(30, 1 << 20, Duration.ofSeconds(30)));
        S3Loader crashed = S3Loader.start(first, infra.s3Client, crashOnSecondCommit);
        await().atMost(Duration.ofSeconds(60)).until(() -> crashed.failure() != null);
        assertThat(crashed.healthy()).isFalse();
        crashed.close();

        long committedAfterCrash = Topics.committedTotal(base.input().groupId());
        List<StoredObject> storedUncommitted = Bucket.objects(infra.s3Client, "crash").stream()
                .filter(o -> o.range().last() >= committedOffset(base, o.partition()))
                .toList();
        assertThat(committedAfterCrash).isLessThan(400);
        assertThat(storedUncommitted).as("objects uploaded but never committed by the crashed run").isNotEmpty();

        // Second run cuts batches differently (45 records, short delay): without the replay rule it would write
        // objects overlapping the uncommitted ones.
        LoaderConfig second = TestConfigs.withBuffer(base, new BufferConfig(45, 1 << 20, Duration.ofMillis(200)));
        try (S3Loader restarted = S3Loader.start(second, infra.s3Client)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Topics.committedTotal(base.input().groupId()) == 400);
            double alreadyStored = restarted.metrics().registry().find("loader.objects").tag("outcome", "already_stored")
                    .counters().stream().mapToDouble(Counter::count).sum();
            assertThat(alreadyStored).as("replayed ranges met the stored objects through the conditional write")
                    .isEqualTo(storedUncommitted.size());
        }

        List<StoredObject> objects = Bucket.objects(infra.s3Client, "crash");
        assertThat(Bucket.allLines(objects).stream().map(TsvLines::seq).toList())
                .containsExactlyInAnyOrderElementsOf(all);
        Assertions2.rangesTileEachPartition(objects, Map.of(0, 200L, 1, 200L));
        assertThat(objects).extracting(StoredObject::key).containsAll(
                storedUncommitted.stream().map(StoredObject::key).toList());
    }

    private static long committedOffset(LoaderConfig config, int partition) {
        OffsetAndMetadata o = Topics.committed(config.input().groupId())
                .get(new TopicPartition(config.input().topic(), partition));
        return o == null ? 0 : o.offset();
    }
}
