package dev.tributary.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.collector.CollectorServer;
import dev.tributary.collector.config.CollectorConfig;
import dev.tributary.enrich.app.StreamEnrichApp;
import dev.tributary.enrich.config.EnrichConfig;
import dev.tributary.runtime.config.ConfigLoader;
import dev.tributary.runtime.monitoring.HealthRegistry;
import dev.tributary.runtime.monitoring.MonitoringEndpoints;
import dev.tributary.runtime.monitoring.MonitoringServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.tributary.enrich.output.OutputLimit;
import dev.tributary.infra.kafka.EmbeddedKafka;
import dev.tributary.infra.registry.SchemaRegistryServer;
import dev.tributary.schemas.enriched.EnrichedTsv;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's reproduction through the real collector and stream-enrich on the in-process broker: one
 * {@code POST /com.snowplowanalytics.snowplow/tp2} with {@code Content-Type: application/json} and about 700 KB of
 * non-JSON used to become a 1.4 MB bad row that the producer refused, over and over, and nothing after it was
 * enriched. Now the big request is exactly one size_violation bad row that fits the topic, the 100 page views after
 * it are all enriched, and no stream thread dies on the way.
 */
class OversizedRequestIT {

    private static final String TP2 = "/com.snowplowanalytics.snowplow/tp2";
    private static final int PAGE_VIEWS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    private <T extends AutoCloseable> T started(T component) {
        started.add(component);
        return component;
    }

    @Test
    void aSevenHundredKilobyteNonJsonBodyBecomesOneSizeViolationAndEveryLaterEventIsEnriched() throws Exception {
        EmbeddedKafka kafka = started(EmbeddedKafka.builder().dataDir(dataDir.resolve("kafka")).start());
        SchemaRegistryServer registry = started(SchemaRegistryServer.builder(kafka.bootstrapServers()).start());
        for (String topic : List.of("raw", "enriched", "bad")) {
            kafka.createTopic(topic, 1);
        }
        CollectorServer collector = started(CollectorServer.start(CollectorConfig.from(
                ConfigLoader.forService("collector", "collector").environment(Map.of()).overrides(Map.of(
                        "collector.interface", "127.0.0.1",
                        "collector.port", 0,
                        "collector.sink.bootstrap-servers", kafka.bootstrapServers(),
                        "collector.sink.schema-registry-url", registry.url(),
                        "collector.sink.good-topic", "raw",
                        "collector.sink.bad-topic", "bad",
                        "collector.cookie.secure", false)).load().requireKnownKeys().typed())));
        PrometheusMeterRegistry enrichMeters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HealthRegistry enrichHealth = new HealthRegistry();
        StreamEnrichApp enrich = started(StreamEnrichApp.start(EnrichConfig.from(ConfigLoader
                .forService("stream-enrich", EnrichConfig.ROOT).environment(Map.of()).overrides(Map.of(
                        "enrich.bootstrap-servers", kafka.bootstrapServers(),
                        "enrich.schema-registry-url", registry.url(),
                        "enrich.application-id", "oversized-it",
                        "enrich.streams.state-dir", dataDir.resolve("stream-enrich").toString()))
                .load().requireKnownKeys().typed()), enrichMeters, enrichHealth));
        MonitoringServer enrichMonitoring = started(MonitoringServer.start("127.0.0.1", 0,
                new MonitoringEndpoints(enrichMeters, enrichHealth)));
        await("stream-enrich running").atMost(Duration.ofSeconds(60))
                .until(() -> enrich.state() == KafkaStreams.State.RUNNING);

        HttpClient http = HttpClient.newHttpClient();
        URI base = URI.create(collector.url());
        int sent = 0;
        int answered = 0;
        String body = "this is not json; ".repeat(700_000 / 18);
        assertThat(body.length()).isBetween(690_000, 700_000);
        HttpResponse<Void> big = http.send(HttpRequest.newBuilder(base.resolve(TP2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        sent++;
        answered += big.statusCode() == 200 ? 1 : 0;
        assertThat(big.statusCode()).isEqualTo(200);

        Set<String> eventIds = new HashSet<>();
        for (int i = 0; i < PAGE_VIEWS; i++) {
            String eid = UUID.randomUUID().toString();
            eventIds.add(eid);
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(base.resolve("/i?e=pv&p=web&tv=js-3.17.0"
                    + "&aid=oversized-it&eid=" + eid + "&url=https%3A%2F%2Fshop.example.com%2Fp%2F" + i)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            sent++;
            answered += response.statusCode() == 200 ? 1 : 0;
        }
        assertThat(answered).isEqualTo(sent);

        Set<String> enriched = new HashSet<>();
        List<ConsumerRecord<byte[], byte[]>> badRows = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = committedReader(kafka.bootstrapServers())) {
            consumer.subscribe(List.of("enriched", "bad"));
            await("all " + PAGE_VIEWS + " page views enriched").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                            if (record.topic().equals("bad")) {
                                badRows.add(record);
                            } else {
                                enriched.add(EnrichedTsv.parse(new String(record.value(), StandardCharsets.UTF_8))
                                        .getEventId());
                            }
                        }
                        return enriched.size() >= PAGE_VIEWS && !badRows.isEmpty();
                    });
            // Anything written late would show up in one more poll.
            consumer.poll(Duration.ofSeconds(1)).forEach(r -> {
                if (r.topic().equals("bad")) {
                    badRows.add(r);
                }
            });
        }

        assertThat(enriched).isEqualTo(eventIds);
        assertThat(badRows).hasSize(1);
        ConsumerRecord<byte[], byte[]> bad = badRows.get(0);
        int size = OutputLimit.sizeOf(bad.key(), bad.value());
        assertThat(size).isLessThanOrEqualTo(OutputLimit.kafkaDefault().maxRecordBytes());
        SelfDescribingJson row = SelfDescribingJson.parse(new String(bad.value(), StandardCharsets.UTF_8));
        assertThat(Resolver.bundled().validate(row).isValid()).isTrue();
        assertThat(row.schema().toUri())
                .isEqualTo("iglu:com.snowplowanalytics.snowplow.badrows/size_violation/jsonschema/1-0-0");
        JsonNode failure = row.data().path("failure");
        // What enrich would have written without the guard: larger than Kafka's default max.request.size.
        assertThat(failure.path("actualSizeBytes").asInt()).isGreaterThan(1_048_576);
        assertThat(failure.path("maximumAllowedSizeBytes").asInt()).isEqualTo(1_048_576 - 1024);
        assertThat(row.data().path("payload").asText()).contains("tracker_protocol_violations")
                .contains("this is not json");

        assertThat(enrich.metrics().threadReplacementCount()).as("stream threads replaced").isZero();
        assertThat(enrich.metrics().refusedCount()).as("records Kafka refused").isZero();
        assertThat(enrich.state()).isEqualTo(KafkaStreams.State.RUNNING);
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create(enrichMonitoring.url() + "/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);

        int lost = sent - enriched.size() - badRows.size();
        System.out.printf("oversized request scenario: sent=%d answered=%d enriched=%d bad=%d (size_violation, %d "
                + "bytes) lost=%d thread_replacements=%.0f%n", sent, answered, enriched.size(), badRows.size(), size,
                lost, enrich.metrics().threadReplacementCount());
        assertThat(lost).isZero();
    }

    private static KafkaConsumer<byte[], byte[]> committedReader(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "oversized-it-reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
