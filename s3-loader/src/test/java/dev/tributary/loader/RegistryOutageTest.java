package dev.tributary.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.infra.registry.SchemaRegistryServer;
import dev.tributary.loader.config.InputFormat;
import dev.tributary.loader.config.LoaderConfig;
import dev.tributary.loader.config.Purpose;
import dev.tributary.loader.testing.Bucket;
import dev.tributary.loader.testing.Monitored;
import dev.tributary.loader.testing.SharedInfra;
import dev.tributary.loader.testing.TestConfigs;
import dev.tributary.loader.testing.Topics;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.enriched.EnrichedTsv;
import dev.tributary.schemas.registry.HttpSchemaRegistryClient;
import dev.tributary.schemas.serde.AvroSerializer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * AVRO input needs the registry for every new writer schema. While it cannot be reached the loader waits and retries
 * with backoff, reports 503 on {@code /health}, and loses nothing: once a registry answers, every record is loaded.
 */
class RegistryOutageTest {

    private static final String SCHEMAS_TOPIC = "_schemas_outage_test";

    private final SharedInfra infra = SharedInfra.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRegistryOutageIsRetriedNotFatalAndNothingIsLost() throws Exception {
        String topic = "enriched-avro-outage";
        infra.kafka.createTopic(topic, 2);
        List<String> expected = new ArrayList<>();
        // The writer registers its schema with one registry instance; the loader is pointed at a port where the
        // second instance, on the same schemas topic, will only be started later.
        try (SchemaRegistryServer writerRegistry = SchemaRegistryServer.builder(infra.kafka.bootstrapServers())
                .topic(SCHEMAS_TOPIC).start()) {
            AvroSerializer<EnrichedEvent> serializer =
                    new AvroSerializer<>(new HttpSchemaRegistryClient(URI.create(writerRegistry.url())));
            for (int partition = 0; partition < 2; partition++) {
                List<byte[]> values = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    EnrichedEvent event = new EnrichedEvent();
                    event.setAppId("outage");
                    event.setEventId(new UUID(partition, i).toString());
                    event.setCollectorTstamp(Instant.parse("2026-08-09T10:00:00Z").plusSeconds(i));
                    expected.add(EnrichedTsv.format(event));
                    values.add(serializer.serialize(topic, event));
                }
                Topics.produce(topic, partition, values);
            }
        }

        int loaderRegistryPort = freePort();
        LoaderConfig base = TestConfigs.loader(Purpose.ENRICHED_EVENTS, topic, "enriched-avro-outage",
                "{yyyy}/{MM}/{dd}/{HH}");
        LoaderConfig config = new LoaderConfig(base.name(), base.purpose(),
                new LoaderConfig.Input(base.input().bootstrapServers(), topic, base.input().groupId(),
                        InputFormat.AVRO, Optional.of("http://127.0.0.1:" + loaderRegistryPort), Map.of()),
                base.s3(), base.encryption(), base.buffer(), base.retry(), base.badTopic(),
                base.producerProperties());
        infra.kafka.createTopic(config.badTopic(), 1);

        try (Monitored monitored = Monitored.start(config, infra.s3Client)) {
            S3Loader loader = monitored.loader;
            URI health = monitored.uri("/health");
            // Down: retried (counted per attempt), reported, not fatal.
            await().atMost(Duration.ofSeconds(60)).until(() -> retries(loader) >= 3);
            HttpResponse<String> down = get(health);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"consumer-loop\":{\"status\":\"DOWN\"")
                    .contains("schema registry unavailable, retrying");
            assertThat(loader.failure()).isNull();
            assertThat(Topics.committedTotal(config.input().groupId())).isZero();
            assertThat(Bucket.objects(infra.s3Client, "enriched-avro-outage")).isEmpty();

            try (SchemaRegistryServer registry = SchemaRegistryServer.builder(infra.kafka.bootstrapServers())
                    .topic(SCHEMAS_TOPIC).port(loaderRegistryPort).start()) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> Topics.committedTotal(config.input().groupId()) == expected.size());
                assertThat(get(health).statusCode()).isEqualTo(200);
            }
            assertThat(loader.failure()).isNull();
        }
        assertThat(Bucket.allLines(Bucket.objects(infra.s3Client, "enriched-avro-outage")))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private static double retries(S3Loader loader) {
        return loader.metrics().registry().find("loader.retries").tag("operation", "schema-registry").counters()
                .stream().mapToDouble(c -> c.count()).sum();
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
