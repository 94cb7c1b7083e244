package dev.tributary.loader.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.loader.S3Loader;
import dev.tributary.loader.config.BufferConfig;
import dev.tributary.loader.config.LoaderConfig;
import dev.tributary.loader.config.Purpose;
import dev.tributary.loader.config.S3Output;
import dev.tributary.loader.consume.LoaderHooks;
import dev.tributary.loader.testing.Assertions2;
import dev.tributary.loader.testing.Bucket;
import dev.tributary.loader.testing.SharedInfra;
import dev.tributary.loader.testing.StoredObject;
import dev.tributary.loader.testing.TestConfigs;
import dev.tributary.loader.testing.Topics;
import dev.tributary.loader.testing.TsvLines;
import dev.tributary.loader.upload.FaultyS3Proxy.Fault;
import dev.tributary.loader.upload.FaultyS3Proxy.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

class FaultInjectionTest {

    private final SharedInfra infra = SharedInfra.get();

    @Test
    void putsSurviveThrottlingServerErrorsAndResetsAndCommitOnlyWhatIsStored() throws Exception {
        String topic = "faults-put";
        infra.kafka.createTopic(topic, 1);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lines.add(TsvLines.line(i, Instant.parse("2026-03-01T12:00:00Z").plusSeconds(i)));
        }

        try (FaultyS3Proxy proxy = new FaultyS3Proxy(infra.s3.endpoint());
             S3Client viaProxy = infra.client(proxy.endpoint())) {
            LoaderConfig config = TestConfigs.withBuffer(
                    TestConfigs.loader(Purpose.ENRICHED_EVENTS, topic, "faults-put", "{yyyy}/{MM}/{dd}/{HH}"),
                    new BufferConfig(20, 1 << 20, Duration.ofSeconds(30)));
            infra.kafka.createTopic(config.badTopic(), 1);
            CommitAudit audit = new CommitAudit("faults-put");

            try (S3Loader loader = S3Loader.start(config, viaProxy, audit)) {
                // Scripted after the start-up probe, which has passed: the faults are for the batches.
                proxy.script(Phase.PUT_OBJECT, Fault.SLOW_DOWN, Fault.SLOW_DOWN, Fault.INTERNAL_ERROR,
                        Fault.CONNECTION_RESET, Fault.INTERNAL_ERROR, Fault.CONNECTION_RESET, Fault.RESPONSE_LOST);
                Topics.produceLines(topic, 0, lines);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> Topics.committedTotal(config.input().groupId()) == 100);
                assertThat(proxy.scriptDone()).isTrue();
                // Each injected fault was retried and counted (a stale pooled connection could add one more).
                assertThat(loader.metrics().retries()).isGreaterThanOrEqualTo(7.0);
            }
            assertThat(proxy.injected(Phase.PUT_OBJECT)).isEqualTo(7);
            assertThat(audit.violations).isEmpty();
            assertThat(audit.commits).isPositive();
        }

        List<StoredObject> objects = Bucket.objects(infra.s3Client, "faults-put");
        assertThat(Bucket.allLines(objects)).containsExactlyInAnyOrderElementsOf(lines);
        Assertions2.rangesTileEachPartition(objects, Map.of(0, 100L));
        assertThat(objects).hasSize(5);
    }

    @Test
    void multipartUploadsSurviveFaultsInEveryPhase() throws Exception {
        String topic = "faults-multipart";
        infra.kafka.createTopic(topic, 1);
        // ~11 MiB of barely compressible lines: one object of two parts (5 MiB and the rest).
        Random random = new Random(11);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 11_000; i++) {
            byte[] noise = new byte[1024];
            random.nextBytes(noise);
            lines.add(TsvLines.line(i, Instant.parse("2026-03-01T12:00:00Z"))
                    .replace("label-" + i + "\t", "label-" + i + "-" + java.util.Base64.getEncoder()
                            .encodeToString(noise) + "\t"));
        }

        try (FaultyS3Proxy proxy = new FaultyS3Proxy(infra.s3.endpoint());
             S3Client viaProxy = infra.client(proxy.endpoint())) {
            proxy.script(Phase.CREATE_MULTIPART, Fault.SLOW_DOWN, Fault.INTERNAL_ERROR, Fault.CONNECTION_RESET)
                    .script(Phase.UPLOAD_PART, Fault.CONNECTION_RESET, Fault.SLOW_DOWN, Fault.INTERNAL_ERROR)
                    .script(Phase.COMPLETE_MULTIPART, Fault.INTERNAL_ERROR, Fault.SLOW_DOWN, Fault.CONNECTION_RESET,
                            Fault.RESPONSE_LOST);
            LoaderConfig base = TestConfigs.loader(Purpose.ENRICHED_EVENTS, topic, "faults-multipart",
                    "{yyyy}/{MM}/{dd}/{HH}");
            S3Output s3 = base.s3();
            LoaderConfig config = TestConfigs.withS3(
                    TestConfigs.withBuffer(base, new BufferConfig(11_000, 1L << 30, Duration.ofSeconds(60))),
                    new S3Output(s3.bucket(), s3.prefix(), s3.partitionFormat(), s3.region(), s3.endpoint(),
                            s3.pathStyle(), 8L * 1024 * 1024, 5L * 1024 * 1024, s3.timeSource()));
            infra.kafka.createTopic(config.badTopic(), 1);
            CommitAudit audit = new CommitAudit("faults-multipart");

            try (S3Loader loader = S3Loader.start(config, viaProxy, audit)) {
                Topics.produceLines(topic, 0, lines);
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> Topics.committedTotal(config.input().groupId()) == 11_000);
                assertThat(loader.metrics().retries()).isGreaterThanOrEqualTo(10.0);
            }
            assertThat(proxy.scriptDone()).isTrue();
            assertThat(proxy.forwarded(Phase.UPLOAD_PART)).as("two parts reached S3").isGreaterThanOrEqualTo(2);
            assertThat(proxy.forwarded(Phase.PUT_OBJECT)).as("only the start-up probe was a plain PUT").isEqualTo(1);
            assertThat(audit.violations).isEmpty();
        }

        List<StoredObject> objects = Bucket.objects(infra.s3Client, "faults-multipart");
        assertThat(objects).singleElement().satisfies(o -> assertThat(o.lines()).isEqualTo(lines));
    }

    @Test
    void whileS3IsDownThePartitionPausesInsteadOfBufferingAndNothingIsCommitted() throws Exception {
        String topic = "faults-outage";
        infra.kafka.createTopic(topic, 1);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            lines.add(TsvLines.line(i, Instant.parse("2026-03-01T12:00:00Z").plusSeconds(i)));
        }
        try (FaultyS3Proxy proxy = new FaultyS3Proxy(infra.s3.endpoint());
             S3Client viaProxy = infra.client(proxy.endpoint())) {
            LoaderConfig config = TestConfigs.withBuffer(
                    TestConfigs.loader(Purpose.ENRICHED_EVENTS, topic, "faults-outage", "{yyyy}/{MM}/{dd}/{HH}"),
                    new BufferConfig(10, 1 << 20, Duration.ofSeconds(30)));
            infra.kafka.createTopic(config.badTopic(), 1);
            try (S3Loader loader = S3Loader.start(config, viaProxy)) {
                proxy.outage(Fault.SLOW_DOWN);
                Topics.produceLines(topic, 0, lines);

                await().atMost(Duration.ofSeconds(30)).until(() -> gauge(loader, "loader.paused.partitions") == 1.0);
                // One batch retrying, one waiting, at most one partly filled: the other records stay in Kafka.
                // Awaited, not asserted once: the lag gauge can be sampled while the producer is still writing.
                await().atMost(Duration.ofSeconds(30)).until(() -> gauge(loader, "loader.lag.records") >= 300 - 30);
                assertThat(Topics.committedTotal(config.input().groupId())).isZero();
                assertThat(loader.metrics().retries()).isPositive();

                proxy.outage(null);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> Topics.committedTotal(config.input().groupId()) == 300);
                assertThat(gauge(loader, "loader.paused.partitions")).isZero();
            }
        }
        List<StoredObject> objects = Bucket.objects(infra.s3Client, "faults-outage");
        assertThat(Bucket.allLines(objects)).containsExactlyInAnyOrderElementsOf(lines);
        Assertions2.rangesTileEachPartition(objects, Map.of(0, 300L));
    }

    private static double gauge(S3Loader loader, String name) {
        return loader.metrics().registry().get(name).gauge().value();
    }

    /** At every commit, checks (straight against S3, not through the proxy) that the committed offsets are stored. */
    private final class CommitAudit implements LoaderHooks {
        final List<String> violations = Collections.synchronizedList(new ArrayList<>());
        volatile int commits;
        private final String prefix;

        CommitAudit(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public void beforeCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
            commits++;
            List<StoredObject> stored = Bucket.objects(infra.s3Client, prefix);
            offsets.forEach((tp, o) -> {
                long next = 0;
                for (StoredObject s : stored.stream().filter(s -> s.partition() == tp.partition())
                        .sorted((a, b) -> a.range().compareTo(b.range())).toList()) {
                    if (s.range().first() == next) {
                        next = s.range().last() + 1;
                    }
                }
                if (next < o.offset()) {
                    violations.add(tp + " committed " + o.offset() + " but S3 holds offsets only below " + next);
                }
            });
        }
    }
}
