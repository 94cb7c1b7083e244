package dev.tributary.loader.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.loader.S3Loader;
import dev.tributary.loader.config.BufferConfig;
import dev.tributary.loader.config.LoaderConfig;
import dev.tributary.loader.config.Purpose;
import dev.tributary.loader.testing.Bucket;
import dev.tributary.loader.testing.SharedInfra;
import dev.tributary.loader.testing.TestConfigs;
import dev.tributary.loader.testing.Topics;
import dev.tributary.loader.testing.TsvLines;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * stream-enrich writes the enriched topic in Kafka transactions; a transaction it aborts (a crash, a fenced
 * instance) is written again by the next one. The loader must read committed records only, or S3 would hold the
 * aborted copy as well (with a different event_id when enrich generated it).
 */
class TransactionalInputTest {

    private final SharedInfra infra = SharedInfra.get();

    @Test
    void recordsOfAnAbortedTransactionNeverReachS3() throws Exception {
        String topic = "transactional-input";
        infra.kafka.createTopic(topic, 1);
        Instant t0 = Instant.parse("2026-03-01T12:00:00Z");
        List<String> committed = new ArrayList<>();
        List<String> aborted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            committed.add(TsvLines.line(i, t0.plusSeconds(i)));
            aborted.add(TsvLines.line(100 + i, t0.plusSeconds(i)));
            committed.add(TsvLines.line(200 + i, t0.plusSeconds(i)));
        }

        // Offsets: committed 0-9 + marker 10, aborted 11-20 + marker 21, committed 22-31 + marker 32.
        try (KafkaProducer<byte[], byte[]> producer = transactionalProducer()) {
            producer.initTransactions();
            sendInTransaction(producer, topic, committed.subList(0, 10));
            producer.beginTransaction();
            aborted.forEach(l -> producer.send(new ProducerRecord<>(topic, 0, null, bytes(l))));
            producer.flush();
            producer.abortTransaction();
            sendInTransaction(producer, topic, committed.subList(10, 20));
        }

        LoaderConfig config = TestConfigs.withBuffer(
                TestConfigs.loader(Purpose.ENRICHED_EVENTS, topic, "transactional-input", "{yyyy}/{MM}/{dd}/{HH}"),
                new BufferConfig(10, 1 << 20, Duration.ofSeconds(1)));
        infra.kafka.createTopic(config.badTopic(), 1);
        try (S3Loader loader = S3Loader.start(config, infra.s3Client)) {
            // The last committed record is offset 31: once 32 is committed, everything readable was stored.
            await().atMost(Duration.ofSeconds(60)).until(() -> Topics.committedTotal(config.input().groupId()) == 32);
        }

        List<String> stored = Bucket.allLines(Bucket.objects(infra.s3Client, "transactional-input"));
        assertThat(stored).containsExactlyInAnyOrderElementsOf(committed).doesNotContainAnyElementsOf(aborted);
    }

    private static void sendInTransaction(KafkaProducer<byte[], byte[]> producer, String topic, List<String> lines) {
        producer.beginTransaction();
        lines.forEach(l -> producer.send(new ProducerRecord<>(topic, 0, null, bytes(l))));
        producer.commitTransaction();
    }

    private KafkaProducer<byte[], byte[]> transactionalProducer() {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "transactional-input-test");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(String line) {
        return line.getBytes(StandardCharsets.UTF_8);
    }
}
