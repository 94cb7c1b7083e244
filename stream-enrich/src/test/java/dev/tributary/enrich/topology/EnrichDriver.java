package dev.tributary.enrich.topology;

import dev.tributary.enrich.app.EnrichPipeline;
import dev.tributary.enrich.config.EnrichConfig;
import dev.tributary.enrich.enrichments.EnrichmentChain;
import dev.tributary.schemas.avro.CollectorPayload;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import dev.tributary.schemas.serde.AvroDeserializer;
import dev.tributary.schemas.serde.AvroSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The full topology in a TopologyTestDriver, with the raw topic fed Avro CollectorPayloads in wire format. */
public final class EnrichDriver implements AutoCloseable {

    public static final Instant ETL = Instant.parse("2026-03-01T12:00:05.000Z");
    public static final EnrichConfig.Topics TOPICS =
            new EnrichConfig.Topics("raw", "enriched", "bad", Optional.of("pii"), Optional.of("enriched-avro"));

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final AvroSerializer<CollectorPayload> serializer = new AvroSerializer<>(registry);
    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> raw;
    private final TestOutputTopic<String, String> enriched;
    private final TestOutputTopic<String, String> bad;
    private final TestOutputTopic<String, String> pii;
    private final TestOutputTopic<String, EnrichedEvent> avro;
    private final EnrichMetrics metrics = new EnrichMetrics(new SimpleMeterRegistry());
    private final Map<String, TestOutputTopic<byte[], byte[]>> bytes = new HashMap<>();

    public EnrichDriver() {
        this(EnrichmentChain.empty(), EnrichConfig.PartitionKey.EVENT_ID);
    }

    public EnrichDriver(EnrichmentChain chain, EnrichConfig.PartitionKey partitionKey) {
        this(chain, partitionKey, Resolver.bundled());
    }

    public EnrichDriver(EnrichmentChain chain, EnrichConfig.PartitionKey partitionKey, Resolver resolver) {
        this(chain, partitionKey, resolver, EnrichPipeline.defaultSafeguards(Clock.fixed(ETL, ZoneOffset.UTC)),
                UnaryOperator.identity());
    }

    /** With the default Kafka output limit, no enrichments and a deserializer of the test's choosing. */
    public EnrichDriver(EnrichTopology.Safeguards safeguards,
                        UnaryOperator<Deserializer<CollectorPayload>> deserializer) {
        this(EnrichmentChain.empty(), EnrichConfig.PartitionKey.EVENT_ID, Resolver.bundled(), safeguards,
                deserializer);
    }

    public EnrichDriver(EnrichmentChain chain, EnrichConfig.PartitionKey partitionKey, Resolver resolver,
                        EnrichTopology.Safeguards safeguards,
                        UnaryOperator<Deserializer<CollectorPayload>> wrapDeserializer) {
        var deserializer = wrapDeserializer.apply(new AvroDeserializer<>(CollectorPayload.class, registry));
        var processor = EnrichPipeline.processor(deserializer, resolver, chain, Clock.fixed(ETL, ZoneOffset.UTC));
        var avroSerde = Serdes.serdeFrom(new AvroSerializer<EnrichedEvent>(registry),
                new AvroDeserializer<>(EnrichedEvent.class, registry));
        var topology = EnrichTopology.build(TOPICS, partitionKey, processor, metrics, Optional.of(avroSerde),
                safeguards);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(topology, props);
        raw = driver.createInputTopic("raw", new ByteArraySerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic("enriched", new StringDeserializer(), new StringDeserializer());
        bad = driver.createOutputTopic("bad", new StringDeserializer(), new StringDeserializer());
        pii = driver.createOutputTopic("pii", new StringDeserializer(), new StringDeserializer());
        avro = driver.createOutputTopic("enriched-avro", new StringDeserializer(), avroSerde.deserializer());
        for (String topic : List.of("enriched", "bad", "pii", "enriched-avro")) {
            bytes.put(topic, driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
        }
    }

    /** The records of {@code topic} exactly as written (consumes them, like the other readers). */
    public List<KeyValue<byte[], byte[]>> records(String topic) {
        return bytes.get(topic).readKeyValuesToList();
    }

    public EnrichDriver send(CollectorPayload payload) {
        raw.pipeInput(serializer.serialize("raw", payload));
        return this;
    }

    /** The serializer the raw topic is written with (its schemas registered in this driver's registry). */
    public AvroSerializer<CollectorPayload> rawSerializer() {
        return serializer;
    }

    public EnrichDriver sendBytes(byte[] bytes) {
        raw.pipeInput(bytes);
        return this;
    }

    /** Enriched lines as field maps; each asserted to have 131 fields. */
    public List<Map<String, String>> good() {
        return enriched.readValuesToList().stream().map(EnrichedLines::fields).toList();
    }

    /** Enriched records with their keys; each line asserted to have 131 fields. */
    public List<KeyValue<String, String>> goodRecords() {
        List<KeyValue<String, String>> records = enriched.readKeyValuesToList();
        records.forEach(kv -> EnrichedLines.fields(kv.value));
        return records;
    }

    /** Bad rows; each asserted to validate against its schema. */
    public List<SelfDescribingJson> bad() {
        return bad.readValuesToList().stream().map(EnrichedLines::validBadRow).toList();
    }

    public List<Map<String, String>> pii() {
        return pii.readValuesToList().stream().map(EnrichedLines::fields).toList();
    }

    public List<EnrichedEvent> avro() {
        return avro.readValuesToList();
    }

    public EnrichMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        driver.close();
    }
}
