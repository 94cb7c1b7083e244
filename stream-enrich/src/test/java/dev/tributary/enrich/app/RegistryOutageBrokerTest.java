package dev.tributary.enrich.app;

import dev.tributary.enrich.EnrichTestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.enrich.config.EnrichConfig;
import dev.tributary.enrich.topology.EnrichedLines;
import dev.tributary.enrich.topology.RawPayloads;
import dev.tributary.infra.kafka.EmbeddedKafka;
import dev.tributary.infra.registry.SchemaRegistryServer;
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
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real schema registry outage under stream-enrich (with committed offsets, as in a running pipeline): the raw record's writer schema cannot be fetched, so
 * /health turns 503 and the record waits (exponential backoff, task re-read) without becoming a bad row and without
 * a single stream thread being replaced; when the registry is back on the same port, the event is enriched and
 * health recovers.
 */
class RegistryOutageBrokerTest {

    @TempDir
    Path stateDir;

    @Test
    void anOutageMakesReadyUnhealthyAndTheRecordWaitsUntilTheRegistryIsBack() throws Exception {
        String prefix = "outage";
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().start()) {
            SchemaRegistryServer registry = SchemaRegistryServer.builder(kafka.bootstrapServers()).start();
            int registryPort = registry.port();
            String registryUrl = registry.url();
            for (String t : List.of("raw", "enriched", "bad")) {
                kafka.createTopic(prefix + "-" + t, 1);
            }
            Map<String, Object> values = new HashMap<>();
            values.put("enrich.application-id", prefix + "-enrich");
            values.put("enrich.bootstrap-servers", kafka.bootstrapServers());
            values.put("enrich.schema-registry-url", registryUrl);
            values.put("enrich.input.topic", prefix + "-raw");
            values.put("enrich.output.enriched-topic", prefix + "-enriched");
            values.put("enrich.output.bad-topic", prefix + "-bad");
            values.put("enrich.streams.state-dir", stateDir.toString());
            values.put("enrich.schema-registry-retry.max-backoff", "1 s");
            HttpClient http = HttpClient.newHttpClient();
            EnrichConfig config = EnrichTestConfigs.of((values));

            // A first instance enriches one event and commits: the outage below hits a running pipeline.
            String first = UUID.randomUUID().toString();
            BrokerFixture.produce(kafka.bootstrapServers(), registryUrl, prefix + "-raw",
                    List.of(RawPayloads.get("/i", "e=pv&p=web&tv=js-3&eid=" + first)));
            try (EnrichTestConfigs.Running app = EnrichTestConfigs.start(config);
                 KafkaConsumer<String, String> reader = BrokerFixture.committedReader(kafka.bootstrapServers(),
                         List.of(prefix + "-enriched"))) {
                List<ConsumerRecord<String, String>> records = new ArrayList<>();
                await("the first event").atMost(Duration.ofSeconds(90)).until(() -> {
                    records.addAll(BrokerFixture.poll(reader));
                    return !records.isEmpty();
                });
            }
            // The next record's writer schema is not cached by the new instance below, and the registry is down.
            String eid = UUID.randomUUID().toString();
            BrokerFixture.produce(kafka.bootstrapServers(), registryUrl, prefix + "-raw",
                    List.of(RawPayloads.get("/i", "e=pv&p=web&tv=js-3&eid=" + eid)));
            registry.close();

            try (EnrichTestConfigs.Running app = EnrichTestConfigs.start(config);
                 KafkaConsumer<String, String> reader = BrokerFixture.committedReader(kafka.bootstrapServers(),
                         List.of(prefix + "-enriched", prefix + "-bad"))) {

                // The outage is a readiness matter (records wait and are retried): /ready answers 503 naming it,
                // while /health (liveness) stays 200, since restarting the process would not bring the registry back.
                HttpRequest health = HttpRequest.newBuilder(URI.create(app.url() + "/ready")).build();
                HttpRequest liveness = HttpRequest.newBuilder(URI.create(app.url() + "/health")).build();
                await("readiness reports the outage").dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60))
                        .until(() -> http.send(health, HttpResponse.BodyHandlers.ofString()).body()
                                .contains("schema-registry-unavailable"));
                HttpResponse<String> ready = http.send(health, HttpResponse.BodyHandlers.ofString());
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("\"schema-registry\":{\"status\":\"DOWN\"");
                assertThat(http.send(liveness, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
                // Several backoff rounds pass while the registry stays down: nothing is written, no thread dies.
                List<ConsumerRecord<String, String>> during = new ArrayList<>();
                long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (System.nanoTime() < until) {
                    during.addAll(BrokerFixture.poll(reader));
                }
                assertThat(during).allSatisfy(r -> {
                    assertThat(r.topic()).isEqualTo(prefix + "-enriched");
                    assertThat(r.value()).contains(first).doesNotContain(eid);
                });
                assertThat(app.app().metrics().threadReplacementCount()).isZero();
                assertThat(app.app().state()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);

                try (SchemaRegistryServer back = SchemaRegistryServer.builder(kafka.bootstrapServers())
                        .port(registryPort).start()) {
                    List<ConsumerRecord<String, String>> records = new ArrayList<>();
                    records.addAll(during);
                    await("the event once the registry is back").dontCatchUncaughtExceptions()
                            .atMost(Duration.ofSeconds(90)).until(() -> {
                                records.addAll(BrokerFixture.poll(reader));
                                return records.stream().anyMatch(r -> r.value().contains(eid));
                            });
                    records.addAll(BrokerFixture.poll(reader));
                    assertThat(records).allSatisfy(r -> assertThat(r.topic()).isEqualTo(prefix + "-enriched"));
                    assertThat(records).extracting(r -> EnrichedLines.fields(r.value()).get("event_id"))
                            .containsExactlyInAnyOrder(first, eid);
                    await("readiness recovers").atMost(Duration.ofSeconds(30)).until(() ->
                            http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
                    assertThat(app.app().metrics().threadReplacementCount()).isZero();
                    assertThat(app.app().metrics().badCount()).isZero();
                }
            }
        }
    }
}
