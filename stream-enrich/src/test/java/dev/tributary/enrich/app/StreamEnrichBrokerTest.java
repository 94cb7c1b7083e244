package dev.tributary.enrich.app;

import dev.tributary.enrich.EnrichTestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.enrich.config.EnrichConfig;
import dev.tributary.enrich.topology.EnrichedLines;
import dev.tributary.enrich.topology.RawPayloads;
import dev.tributary.infra.kafka.EmbeddedKafka;
import dev.tributary.infra.registry.SchemaRegistryServer;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stream-enrich on a real broker and registry: exact output for known input, health and metrics over HTTP. */
class StreamEnrichBrokerTest {

    static EmbeddedKafka kafka;
    static SchemaRegistryServer registry;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startInfrastructure() {
        kafka = EmbeddedKafka.builder().start();
        registry = SchemaRegistryServer.builder(kafka.bootstrapServers()).start();
    }

    @AfterAll
    static void stopInfrastructure() {
        registry.close();
        kafka.close();
    }

    static EnrichConfig config(String prefix, Path stateDir, Map<String, Object> extra) {
        return configFor(kafka, registry, prefix, stateDir, extra);
    }

    static EnrichConfig configFor(EmbeddedKafka kafka, SchemaRegistryServer registry, String prefix, Path stateDir,
                                  Map<String, Object> extra) {
        Map<String, Object> values = new HashMap<>();
        values.put("enrich.application-id", prefix + "-enrich");
        values.put("enrich.bootstrap-servers", kafka.bootstrapServers());
        values.put("enrich.schema-registry-url", registry.url());
        values.put("enrich.input.topic", prefix + "-raw");
        values.put("enrich.output.enriched-topic", prefix + "-enriched");
        values.put("enrich.output.bad-topic", prefix + "-bad");
        values.put("enrich.streams.state-dir", stateDir.toString());
        values.putAll(extra);
        return EnrichTestConfigs.of((values));
    }

    static void createTopics(String prefix) {
        for (String t : List.of("raw", "enriched", "bad")) {
            kafka.createTopic(prefix + "-" + t, 3);
        }
    }

    @Test
    void enrichesRawPayloadsFromTheRegistrySerdeIntoExactTsvAndBadRows() throws Exception {
        String prefix = "exact";
        createTopics(prefix);
        String eid = "0b1c2d3e-4f50-4a61-8b72-9c83d4e5f607";
        List<Object> input = List.of(
                RawPayloads.get("/i", "e=pv&p=web&tv=js-3&aid=site&eid=" + eid + "&url="
                        + "https%3A%2F%2Fwww.example.com%2Fa%3Fb%3Dc&page=Home"),
                RawPayloads.post("/com.snowplowanalytics.snowplow/tp2", null, "application/json",
                        "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4\","
                                + "\"data\":[{\"e\":\"se\",\"p\":\"srv\",\"tv\":\"java\",\"se_ca\":\"cat\",\"se_ac\":\"act\",\"se_va\":\"3\"}]}"),
                RawPayloads.get("/com.acme/v1", "x=1"),
                new byte[] {9, 9, 9});
        try (EnrichTestConfigs.Running app = EnrichTestConfigs.start(config(prefix, stateDir, Map.of()));
             KafkaConsumer<String, String> reader = BrokerFixture.committedReader(kafka.bootstrapServers(),
                     List.of(prefix + "-enriched", prefix + "-bad"))) {
            BrokerFixture.produce(kafka.bootstrapServers(), registry.url(), prefix + "-raw", input);

            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                records.addAll(BrokerFixture.poll(reader));
                return records.size() >= 4;
            });
            List<Map<String, String>> good = records.stream().filter(r -> r.topic().endsWith("-enriched"))
                    .map(r -> EnrichedLines.fields(r.value())).toList();
            List<SelfDescribingJson> bad = records.stream().filter(r -> r.topic().endsWith("-bad"))
                    .map(r -> EnrichedLines.validBadRow(r.value())).toList();
            assertThat(good).hasSize(2);
            Map<String, String> pageView = good.stream().filter(f -> f.get("event").equals("page_view"))
                    .findFirst().orElseThrow();
            assertThat(pageView).containsEntry("event_id", eid).containsEntry("app_id", "site")
                    .containsEntry("page_url", "https://www.example.com/a?b=c").containsEntry("page_title", "Home")
                    .containsEntry("page_urlhost", "www.example.com").containsEntry("page_urlquery", "b=c")
                    .containsEntry("collector_tstamp", "2026-03-01 12:00:00.250")
                    .containsEntry("v_etl", Versions.ETL_VERSION)
                    .containsEntry("network_userid", RawPayloads.NUID);
            // the event_id is the record key (the default partition key)
            assertThat(records.stream().filter(r -> eid.equals(r.key()))).hasSize(1);
            Map<String, String> struct = good.stream().filter(f -> f.get("event").equals("struct"))
                    .findFirst().orElseThrow();
            assertThat(struct).containsEntry("platform", "srv").containsEntry("se_category", "cat")
                    .containsEntry("se_action", "act").containsEntry("se_value", "3.0");
            assertThat(bad).extracting(row -> row.schema().name())
                    .containsExactlyInAnyOrder("adapter_failures", "collector_payload_format_violation");

            HttpClient http = HttpClient.newHttpClient();
            String base = app.url();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"kafka-streams\"").contains("\"schema-registry\"");
            String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("enrich_good_events_total 2.0")
                    .contains("enrich_bad_rows_total{type=\"adapter_failures\"} 1.0")
                    .contains("enrich_stream_running 1.0");
        }
    }
}
