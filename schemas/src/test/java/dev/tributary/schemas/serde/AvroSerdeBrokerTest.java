package dev.tributary.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tributary.infra.kafka.EmbeddedKafka;
import dev.tributary.infra.registry.SchemaRegistryServer;
import dev.tributary.schemas.avro.CollectorPayload;
import dev.tributary.schemas.registry.HttpSchemaRegistryClient;
import dev.tributary.schemas.registry.SchemaRegistryClient;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The serde against a real KRaft broker and the real registry server, as the services use them. */
class AvroSerdeBrokerTest {

    private static EmbeddedKafka kafka;
    private static SchemaRegistryServer registryServer;
    private static SchemaRegistryClient registry;

    @BeforeAll
    static void startServers() {
        kafka = EmbeddedKafka.builder().start();
        registryServer = SchemaRegistryServer.builder(kafka.bootstrapServers()).start();
        registry = new HttpSchemaRegistryClient(URI.create(registryServer.url()));
    }

    @AfterAll
    static void stopServers() {
        registryServer.close();
        kafka.close();
    }

    @Test
    void aCollectorPayloadProducedThroughTheSerdeIsConsumedBackEqual() {
        String topic = "raw-" + UUID.randomUUID();
        CollectorPayload sent = samplePayload();

        try (KafkaProducer<String, CollectorPayload> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new AvroSerializer<>(registry))) {
            producer.send(new ProducerRecord<>(topic, "k", sent)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        List<ConsumerRecord<String, byte[]>> raw = consumeAll(topic, 1);
        byte[] bytes = raw.get(0).value();
        int registeredId = registry.latest(topic + "-value").id();
        assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC_BYTE);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registeredId);

        AvroDeserializer<CollectorPayload> deserializer = new AvroDeserializer<>(CollectorPayload.class, registry);
        assertThat(deserializer.deserialize(topic, bytes)).isEqualTo(sent);
    }

    @Test
    void kafkaCanBuildTheSerdeFromClientProperties() throws Exception {
        String topic = "raw-" + UUID.randomUUID();
        CollectorPayload sent = samplePayload();
        try (KafkaProducer<String, CollectorPayload> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class.getName(),
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryServer.url()))) {
            producer.send(new ProducerRecord<>(topic, sent)).get();
        }

        try (KafkaConsumer<String, CollectorPayload> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "g-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class.getName(),
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryServer.url(),
                AvroSerdeConfig.SPECIFIC_TYPE, CollectorPayload.class.getName()))) {
            consumer.subscribe(List.of(topic));
            List<CollectorPayload> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.value()));
                return !received.isEmpty();
            });
            assertThat(received).containsExactly(sent);
        }
    }

    @Test
    void unreadableBytesRaiseATypedErrorWithTheRawBytes() {
        String topic = "raw-" + UUID.randomUUID();
        byte[] valid = new AvroSerializer<CollectorPayload>(registry).serialize(topic, samplePayload());
        AvroDeserializer<CollectorPayload> deserializer = new AvroDeserializer<>(CollectorPayload.class, registry);

        byte[] wrongMagic = valid.clone();
        wrongMagic[0] = 7;
        assertReason(deserializer, topic, wrongMagic, WireFormatException.Reason.WRONG_MAGIC_BYTE);

        byte[] unknownId = valid.clone();
        ByteBuffer.wrap(unknownId, 1, 4).putInt(987_654);
        assertReason(deserializer, topic, unknownId, WireFormatException.Reason.UNKNOWN_SCHEMA_ID);

        byte[] truncated = Arrays.copyOf(valid, valid.length - 10);
        assertReason(deserializer, topic, truncated, WireFormatException.Reason.TRUNCATED);

        byte[] headerOnly = Arrays.copyOf(valid, 3);
        assertReason(deserializer, topic, headerOnly, WireFormatException.Reason.TRUNCATED);
    }

    private static void assertReason(AvroDeserializer<CollectorPayload> deserializer, String topic, byte[] bytes,
                                     WireFormatException.Reason reason) {
        assertThatThrownBy(() -> deserializer.deserialize(topic, bytes))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.rawBytes()).isEqualTo(bytes);
                    assertThat(e.topic()).isEqualTo(topic);
                });
    }

    private static List<ConsumerRecord<String, byte[]>> consumeAll(String topic, int expected) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "g-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            assertThat(records).hasSize(expected);
            return records;
        }
    }

    static CollectorPayload samplePayload() {
        return CollectorPayload.newBuilder()
                .setSchema$("iglu:com.snowplowanalytics.snowplow/CollectorPayload/thrift/1-0-0")
                .setIpAddress("203.0.113.9")
                .setTimestamp(Instant.ofEpochMilli(1_763_700_000_123L))
                .setEncoding("UTF-8")
                .setCollector("tributary-collector-0.1.0-kafka")
                .setUserAgent("Mozilla/5.0 (X11; Linux x86_64)")
                .setRefererUri("https://shop.example.com/basket")
                .setPath("/com.snowplowanalytics.snowplow/tp2")
                .setQuerystring("cv=1&n=%C3%A9")
                .setBody("{\"schema\":\"iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4\","
                        + "\"data\":[{\"e\":\"pv\",\"p\":\"web\",\"tv\":\"js-3.0.0\"}]}")
                .setHeaders(List.of("Host: collector.example.com", "X-Forwarded-For: 203.0.113.9, 10.0.0.1"))
                .setContentType("application/json; charset=utf-8")
                .setHostname("collector.example.com")
                .setNetworkUserId(UUID.randomUUID().toString())
                .build();
    }
}
