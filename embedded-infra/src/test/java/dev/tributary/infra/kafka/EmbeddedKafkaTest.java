package dev.tributary.infra.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmbeddedKafkaTest {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.builder().start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void producedRecordIsConsumed() throws Exception {
        kafka.createTopic("plain", 2);
        try (var producer = producer(kafka, Map.of())) {
            producer.send(new ProducerRecord<>("plain", "k", "hello")).get();
        }

        assertThat(consumeAll(kafka, "plain", Map.of(), 1)).containsExactly("hello");
    }

    @Test
    void committedTransactionIsVisibleToReadCommittedConsumer() {
        kafka.createTopic("transactional", 1);
        try (var producer = producer(kafka, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID()))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "k", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "k", "committed"));
            producer.commitTransaction();
        }

        var readCommitted = Map.<String, Object>of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        assertThat(consumeAll(kafka, "transactional", readCommitted, 1)).containsExactly("committed");
    }

    @Test
    void exactlyOnceStreamsApplicationProcessesRecords(@TempDir Path stateDir) throws Exception {
        kafka.createTopic("streams-in", 1);
        kafka.createTopic("streams-out", 1);
        var topology = new StreamsBuilder();
        topology.stream("streams-in", Consumed.with(Serdes.String(), Serdes.String()))
            .mapValues(value -> value.toUpperCase(Locale.ROOT))
            .to("streams-out", Produced.with(Serdes.String(), Serdes.String()));
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "upper-" + UUID.randomUUID());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put("processing.exception.handler.global.enabled", true); // silences a config warning

        try (var streams = new KafkaStreams(topology.build(), config)) {
            streams.start();
            try (var producer = producer(kafka, Map.of())) {
                producer.send(new ProducerRecord<>("streams-in", "k", "shout")).get();
            }
            var readCommitted = Map.<String, Object>of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            assertThat(consumeAll(kafka, "streams-out", readCommitted, 1)).containsExactly("SHOUT");
        }
    }

    @Test
    void restartOnSameDataDirKeepsTopicsAndRecords(@TempDir Path dataDir) throws Exception {
        String clusterId;
        try (var first = EmbeddedKafka.builder().dataDir(dataDir).start()) {
            clusterId = first.clusterId();
            first.createTopic("durable", 1);
            try (var producer = producer(first, Map.of())) {
                producer.send(new ProducerRecord<>("durable", "k", "before restart")).get();
            }
        }

        try (var second = EmbeddedKafka.builder().dataDir(dataDir).start()) {
            assertThat(second.clusterId()).isEqualTo(clusterId);
            assertThat(consumeAll(second, "durable", Map.of(), 1)).containsExactly("before restart");
        }
    }

    static KafkaProducer<String, String> producer(EmbeddedKafka kafka, Map<String, Object> overrides) {
        var config = new HashMap<String, Object>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"));
        config.putAll(overrides);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Reads the topic from the beginning with a fresh group until {@code expected} values arrived. */
    static List<String> consumeAll(EmbeddedKafka kafka, String topic, Map<String, Object> overrides, int expected) {
        var config = new HashMap<String, Object>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        config.putAll(overrides);
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= expected;
            });
        }
        return values;
    }
}
