package dev.tributary.trigger.cli;

import static dev.tributary.trigger.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.collector.CollectorServer;
import dev.tributary.collector.config.CollectorConfig;
import dev.tributary.infra.kafka.EmbeddedKafka;
import dev.tributary.infra.registry.SchemaRegistryServer;
import dev.tributary.runtime.config.ConfigLoader;
import dev.tributary.schemas.avro.CollectorPayload;
import dev.tributary.schemas.registry.HttpSchemaRegistryClient;
import dev.tributary.schemas.serde.AvroDeserializer;
import dev.tributary.trigger.config.Fixtures;
import dev.tributary.trigger.local.LoadJob;
import dev.tributary.trigger.local.LocalJobSettings;
import dev.tributary.trigger.local.ShredJob;
import dev.tributary.trigger.run.ExitCode;
import dev.tributary.trigger.run.RunFailure;
import dev.tributary.trigger.s3.S3TestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code monitoring.snowplow} against the real collector on an embedded Kafka: a run that succeeds and a run that
 * fails each send their events with the Snowplow tracker, and the raw topic holds them, decoded from the collector's
 * Avro payloads: schema, app id, contexts. GET (EmrEtlRunner's default) and POST are both exercised.
 */
@Timeout(180)
class MonitoringEventsTest {

    static final String RAW = "raw";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BATCH = "iglu:com.snowplowanalytics.monitoring.batch/";

    static EmbeddedKafka kafka;
    static SchemaRegistryServer registry;
    static CollectorServer collector;
    static S3Client s3;

    final CliTestSupport cli = new CliTestSupport();
    @TempDir
    Path dir;
    Path resolver;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.builder().start();
        kafka.createTopic(RAW, 1);
        kafka.createTopic("bad", 1);
        registry = SchemaRegistryServer.builder(kafka.bootstrapServers()).start();
        Map<String, Object> settings = new HashMap<>();
        settings.put("collector.port", 0);
        settings.put("collector.interface", "127.0.0.1");
        settings.put("collector.sink.bootstrap-servers", kafka.bootstrapServers());
        settings.put("collector.sink.schema-registry-url", registry.url());
        settings.put("collector.sink.linger", "1 ms");
        collector = CollectorServer.start(CollectorConfig.from(ConfigLoader.forService("collector", "collector")
                .environment(Map.of()).overrides(settings).load().requireKnownKeys().typed()));
        s3 = S3TestSupport.client();
        // The collector answers once Kafka acknowledged; the very first write also registers the Avro schema and
        // fetches metadata, which may take longer than the trigger's 5 s per event. Warm it up.
        await().atMost(Duration.ofSeconds(60)).until(() -> java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(collector.url() + "/i?e=pv&aid=warm-up")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (collector != null) {
            collector.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        S3TestSupport.start();
        S3TestSupport.clear(s3);
        resolver = Files.writeString(dir.resolve("resolver.json"),
                "{\"schema\":\"iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-1\","
                        + "\"data\":{\"cacheSize\":500,\"repositories\":[]}}");
        cli.localJobs = new CliEnvironment.LocalJobs() {
            @Override
            public ShredJob shredder(LocalJobSettings settings) {
                return request -> {
                    throw new RunFailure(ExitCode.FAILURE, "shredder killed");
                };
            }

            @Override
            public LoadJob loader(LocalJobSettings settings) {
                return request -> { };
            }
        };
        put(s3, "enriched/stream/2026/12/01/08/enriched-0-0-1.gz", "e1\ne2");
    }

    Path config(String appId, String method) throws IOException {
        String text = Fixtures.streamConfigText();
        text = Fixtures.withValue(text, "method", method);
        text = Fixtures.withValue(text, "port", String.valueOf(collector.port()));
        text = Fixtures.withValue(text, "app_id", appId);
        text = Fixtures.withValue(text, "collector", "127.0.0.1");
        return Files.writeString(dir.resolve(appId + ".yml"), text);
    }

    int run(Path config, String skip) {
        return cli.run("run", "--runner", "local", "-c", config.toString(), "-r", resolver.toString(),
                "-t", Fixtures.resource("targets").toString(), "-l", dir.resolve("etl.lock").toString(), "-x", skip);
    }

    @Test
    void aSuccessfulRunSendsStartedThenSucceededByGet() throws Exception {
        String appId = "trigger-" + UUID.randomUUID();

        // staging_stream_enrich and archive_enriched: real S3 work, no shredder needed.
        int code = run(config(appId, "get"), "shred,rdb_load,archive_shredded");

        assertThat(code).as(cli.out() + cli.err()).isZero();
        List<JsonNode> events = awaitEvents(appId, 2);
        assertThat(events).extracting(e -> e.path("via").asText()).containsOnly("GET");
        assertThat(events).extracting(MonitoringEventsTest::eventSchema)
                .containsExactly(BATCH + "emr_job_started/jsonschema/1-0-0", BATCH + "emr_job_succeeded/jsonschema/1-0-0");
        for (JsonNode event : events) {
            assertThat(event.path("e").asText()).isEqualTo("ue");
            assertThat(event.path("p").asText()).isEqualTo("srv");
            assertThat(event.path("tna").asText()).isEqualTo("tributary-trigger");
            assertThat(event.path("tv").asText()).startsWith("java-");
            JsonNode app = context(event, "application_context").get(0);
            assertThat(app.path("name").asText()).isEqualTo("tributary-trigger");
            assertThat(app.path("version").asText()).isEqualTo(TriggerCli.VERSION);
            assertThat(app.path("logLevel").asText()).isEqualTo("DEBUG");
            assertThat(app.path("tags").path("owner").asText()).isEqualTo("data-team");
        }
        List<JsonNode> steps = context(events.get(1), "jobflow_step_status");
        assertThat(steps).extracting(s -> s.path("name").asText() + "=" + s.path("state").asText())
                .containsExactly("staging_stream_enrich=COMPLETED", "archive_enriched=COMPLETED");
    }

    @Test
    void aFailedRunSendsStartedThenFailedByPost() throws Exception {
        String appId = "trigger-" + UUID.randomUUID();

        int code = run(config(appId, "post"), "rdb_load,archive_enriched,archive_shredded");

        assertThat(code).as(cli.out() + cli.err()).isEqualTo(1);
        List<JsonNode> events = awaitEvents(appId, 2);
        assertThat(events).extracting(e -> e.path("via").asText()).containsOnly("POST");
        assertThat(events).extracting(MonitoringEventsTest::eventSchema)
                .containsExactly(BATCH + "emr_job_started/jsonschema/1-0-0", BATCH + "emr_job_failed/jsonschema/1-0-0");
        assertThat(context(events.get(1), "jobflow_step_status"))
                .extracting(s -> s.path("name").asText() + "=" + s.path("state").asText())
                .containsExactly("staging_stream_enrich=COMPLETED", "shred=FAILED");
    }

    @Test
    void aRunThatFindsNoDataSendsNothing() throws Exception {
        String appId = "trigger-" + UUID.randomUUID();
        S3TestSupport.clear(s3);

        int code = run(config(appId, "get"), "shred,rdb_load,archive_shredded");

        assertThat(code).isEqualTo(ExitCode.NO_DATA.code());
        // A run that did start, sent after this one, arrives; nothing of the no-data run came before it.
        String marker = "trigger-" + UUID.randomUUID();
        put(s3, "enriched/stream/2026/12/01/08/enriched-0-0-1.gz", "e1");
        assertThat(run(config(marker, "get"), "shred,rdb_load,archive_shredded")).isZero();
        awaitEvents(marker, 2);
        assertThat(events(appId)).isEmpty();
    }

    private static String eventSchema(JsonNode event) {
        return decode(event.path("ue_px").asText()).at("/data/schema").asText();
    }

    /** The data of every context of that name, in order. */
    private static List<JsonNode> context(JsonNode event, String name) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode contexts = decode(event.path("cx").asText());
        assertThat(contexts.path("schema").asText()).startsWith("iglu:com.snowplowanalytics.snowplow/contexts/");
        for (JsonNode c : contexts.path("data")) {
            if (c.path("schema").asText().equals(BATCH + name + "/jsonschema/1-0-0")) {
                out.add(c.path("data"));
            }
        }
        return out;
    }

    private static JsonNode decode(String base64url) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(base64url));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> awaitEvents(String appId, int n) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> events(appId).size() >= n);
        List<JsonNode> events = events(appId);
        assertThat(events).hasSize(n);
        return events;
    }

    /**
     * The tracker events on the raw topic with this app id, in the order they were sent ({@code stm}), each with a
     * field {@code via} saying how it came: GET ({@code /i?...}, parameters in the query string) or POST (a
     * {@code payload_data} body).
     */
    private static List<JsonNode> events(String appId) throws Exception {
        AvroDeserializer<CollectorPayload> avro = new AvroDeserializer<>(CollectorPayload.class,
                new HttpSchemaRegistryClient(URI.create(registry.url())));
        List<JsonNode> out = new ArrayList<>();
        for (byte[] record : readRaw()) {
            CollectorPayload p = avro.deserialize(RAW, record);
            if (p.getQuerystring() != null && !p.getQuerystring().isEmpty()) {
                Map<String, String> params = new LinkedHashMap<>();
                for (String pair : p.getQuerystring().split("&")) {
                    String[] kv = pair.split("=", 2);
                    params.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
                }
                var event = JSON.valueToTree(params);
                ((com.fasterxml.jackson.databind.node.ObjectNode) event).put("via", "GET");
                out.add(event);
            }
            if (p.getBody() != null) {
                JsonNode body = JSON.readTree(p.getBody());
                assertThat(body.path("schema").asText())
                        .startsWith("iglu:com.snowplowanalytics.snowplow/payload_data/");
                for (JsonNode event : body.path("data")) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) event).put("via", "POST");
                    out.add(event);
                }
            }
        }
        return out.stream().filter(e -> appId.equals(e.path("aid").asText()))
                .sorted(java.util.Comparator.comparingLong(e -> e.path("stm").asLong())).toList();
    }

    private static List<byte[]> readRaw() {
        return kafka.readCommitted(RAW).stream().map(ConsumerRecord::value).toList();
    }
}
