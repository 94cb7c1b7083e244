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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last line of defence on a real broker, under exactly-once: the bad topic accepts only 20 000-byte messages,
 * far below enrich's output limit, so the broker (not the size guard) refuses a 50 KB bad row. The refusal aborts the
 * transaction and costs the stream thread; the raw record is read again and replaced by a size_violation row that
 * fits. The events after it are enriched, nothing is lost and nothing loops.
 */
class RefusedRecordBrokerTest {

    @TempDir
    Path stateDir;

    @Test
    void aRecordTheBrokerRefusesIsReplacedByABadRowThatFitsAndTheStreamMovesOn() {
        String prefix = "refused";
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().start();
             SchemaRegistryServer registry = SchemaRegistryServer.builder(kafka.bootstrapServers()).start()) {
            kafka.createTopic(prefix + "-raw", 1);
            kafka.createTopic(prefix + "-enriched", 1);
            kafka.createTopic(prefix + "-bad", 1, Map.of("max.message.bytes", "20000"));
            Map<String, Object> values = new HashMap<>();
            values.put("enrich.application-id", prefix + "-enrich");
            values.put("enrich.bootstrap-servers", kafka.bootstrapServers());
            values.put("enrich.schema-registry-url", registry.url());
            values.put("enrich.input.topic", prefix + "-raw");
            values.put("enrich.output.enriched-topic", prefix + "-enriched");
            values.put("enrich.output.bad-topic", prefix + "-bad");
            values.put("enrich.streams.state-dir", stateDir.toString());
            // The broker refuses the 50 KB bad row; the replacement keeps 10 000 characters and fits.
            values.put("enrich.output.max-record-bytes", 100_000);
            // A dead stream thread's consumer does not leave the group: the replacement waits out its session.
            values.put("enrich.streams.properties", Map.of("\"consumer.session.timeout.ms\"", "6000",
                    "\"consumer.heartbeat.interval.ms\"", "1000"));
            List<String> eventIds = new ArrayList<>();
            List<Object> input = new ArrayList<>();
            // A tp2 body under a content type the adapter refuses: a tracker_protocol_violations row quoting it.
            input.add(RawPayloads.post("/com.snowplowanalytics.snowplow/tp2", "", "text/plain", "b".repeat(50_000)));
            for (int i = 0; i < 5; i++) {
                String eid = UUID.randomUUID().toString();
                eventIds.add(eid);
                input.add(RawPayloads.get("/i", "e=pv&p=web&tv=js-3&eid=" + eid));
            }

            try (EnrichTestConfigs.Running app = EnrichTestConfigs.start(EnrichTestConfigs.of((values)));
                 KafkaConsumer<String, String> reader = BrokerFixture.committedReader(kafka.bootstrapServers(),
                         List.of(prefix + "-enriched", prefix + "-bad"))) {
                BrokerFixture.produce(kafka.bootstrapServers(), registry.url(), prefix + "-raw", input);

                List<ConsumerRecord<String, String>> records = new ArrayList<>();
                // The refusal kills one stream thread on purpose; Awaitility must not fail on its uncaught exception.
                await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(120)).until(() -> {
                    records.addAll(BrokerFixture.poll(reader));
                    return records.size() >= input.size();
                });
                records.addAll(BrokerFixture.poll(reader));

                Set<String> enriched = records.stream().filter(r -> r.topic().endsWith("-enriched"))
                        .map(r -> EnrichedLines.fields(r.value()).get("event_id")).collect(Collectors.toSet());
                List<SelfDescribingJson> bad = records.stream().filter(r -> r.topic().endsWith("-bad"))
                        .map(r -> EnrichedLines.validBadRow(r.value())).toList();
                assertThat(enriched).containsExactlyInAnyOrderElementsOf(eventIds);
                assertThat(bad).singleElement().satisfies(row -> {
                    assertThat(row.schema().name()).isEqualTo("size_violation");
                    assertThat(row.data().path("failure").path("actualSizeBytes").asInt()).isGreaterThan(50_000);
                    assertThat(row.data().path("failure").path("expectation").asText()).contains("refused by Kafka");
                });
                assertThat(records.stream().filter(r -> r.topic().endsWith("-bad")).mapToInt(r -> r.value().getBytes(java.nio.charset.StandardCharsets.UTF_8).length))
                        .allSatisfy(size -> assertThat(size).isLessThan(20_000));
                // One refusal, which cost the transaction and one stream thread, and no more.
                assertThat(app.app().metrics().refusedCount()).isEqualTo(1);
                assertThat(app.app().metrics().threadReplacementCount()).isEqualTo(1);
            }
        }
    }
}
