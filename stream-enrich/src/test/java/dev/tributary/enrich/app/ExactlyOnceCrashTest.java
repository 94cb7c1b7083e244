package dev.tributary.enrich.app;

import dev.tributary.enrich.EnrichTestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.enrich.topology.EnrichedLines;
import dev.tributary.enrich.topology.RawPayloads;
import dev.tributary.infra.kafka.EmbeddedKafka;
import dev.tributary.infra.registry.SchemaRegistryServer;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once across a crash: a stream-enrich process is killed with SIGKILL while it is enriching (no clean
 * shutdown, a transaction open), a new instance takes over, and the committed output holds every input exactly once.
 */
class ExactlyOnceCrashTest {

    private static final int N = 6000;
    private static final String PREFIX = "eos";

    static EmbeddedKafka kafka;
    static SchemaRegistryServer registry;

    @TempDir
    Path dir;

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

    private static String eventId(int i) {
        return UUID.nameUUIDFromBytes(("event-" + i).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Test
    void killedMidStreamThenRestartedWritesEveryResultExactlyOnce() throws Exception {
        for (String t : List.of("raw", "enriched", "bad")) {
            kafka.createTopic(PREFIX + "-" + t, 3);
        }
        List<Object> input = new ArrayList<>(N);
        Set<String> expectedGarbage = new HashSet<>();
        for (int i = 0; i < N; i++) {
            if (i % 10 == 9) {
                byte[] garbage = ("garbage-" + i).getBytes(StandardCharsets.UTF_8);
                input.add(garbage);
                expectedGarbage.add(java.util.Base64.getEncoder().encodeToString(garbage));
            } else {
                input.add(RawPayloads.get("/i", "e=pv&p=web&tv=t&aid=eos&eid=" + eventId(i)));
            }
        }
        BrokerFixture.produce(kafka.bootstrapServers(), registry.url(), PREFIX + "-raw", input);

        Map<String, Object> tuning = Map.of(
                // a dead member and its open transaction must be given up quickly for the test to be short
                "enrich.streams.properties.\"consumer.session.timeout.ms\"", 6000,
                "enrich.streams.properties.\"producer.transaction.timeout.ms\"", 10000,
                "enrich.streams.properties.\"consumer.max.poll.records\"", 50);
        Path configFile = dir.resolve("enrich.conf");
        Files.writeString(configFile, hocon(dir.resolve("state-1"), tuning));

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "dev.tributary.enrich.StreamEnrichMain", "--config", configFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        List<ConsumerRecord<String, String>> beforeCrash = new ArrayList<>();
        try (KafkaConsumer<String, String> reader = BrokerFixture.committedReader(kafka.bootstrapServers(),
                List.of(PREFIX + "-enriched", PREFIX + "-bad"))) {
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                beforeCrash.addAll(BrokerFixture.poll(reader));
                assertThat(child.isAlive()).as("child running; see %s", dir.resolve("child.log")).isTrue();
                return !beforeCrash.isEmpty();
            });
        } finally {
            child.destroyForcibly().waitFor();
        }
        assertThat(beforeCrash.size()).as("the crash happened mid-stream").isLessThan(N);

        Map<String, Object> restart = new HashMap<>(tuning);
        // two threads: the survivor's tasks are also spread and migrated between threads while it catches up
        restart.put("enrich.streams.threads", 2);
        try (EnrichTestConfigs.Running app = EnrichTestConfigs.start(StreamEnrichBrokerTest.configFor(kafka, registry, PREFIX,
                dir.resolve("state-2"), restart));
             KafkaConsumer<String, String> reader = BrokerFixture.committedReader(kafka.bootstrapServers(),
                     List.of(PREFIX + "-enriched", PREFIX + "-bad"))) {
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(180)).until(() -> {
                seen.addAll(BrokerFixture.poll(reader));
                return seen.size() >= N;
            });
        }
        // Every instance is stopped: read everything committed, to the end, and count.
        List<ConsumerRecord<String, String>> all = readToEnd();
        List<String> eventIds = new ArrayList<>();
        List<String> garbage = new ArrayList<>();
        for (ConsumerRecord<String, String> r : all) {
            if (r.topic().endsWith("-enriched")) {
                eventIds.add(EnrichedLines.fields(r.value()).get("event_id"));
            } else {
                SelfDescribingJson row = EnrichedLines.validBadRow(r.value());
                assertThat(row.schema().name()).isEqualTo("collector_payload_format_violation");
                garbage.add(row.data().path("payload").asText());
            }
        }
        assertThat(all).hasSize(N);
        assertThat(eventIds).doesNotHaveDuplicates().hasSize(N - expectedGarbage.size());
        assertThat(new HashSet<>(garbage)).isEqualTo(expectedGarbage);
        assertThat(garbage).doesNotHaveDuplicates();
    }

    private List<ConsumerRecord<String, String>> readToEnd() {
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (KafkaConsumer<String, String> reader = BrokerFixture.committedReader(kafka.bootstrapServers(),
                List.of(PREFIX + "-enriched", PREFIX + "-bad"))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                all.addAll(BrokerFixture.poll(reader));
                if (reader.assignment().isEmpty()) {
                    return false;
                }
                Map<TopicPartition, Long> end = reader.endOffsets(reader.assignment());
                return end.entrySet().stream().allMatch(e -> reader.position(e.getKey()) >= e.getValue());
            });
        }
        return all;
    }

    private String hocon(Path stateDir, Map<String, Object> tuning) {
        StringBuilder sb = new StringBuilder();
        sb.append("enrich.application-id = \"").append(PREFIX).append("-enrich\"\n");
        sb.append("enrich.bootstrap-servers = \"").append(kafka.bootstrapServers()).append("\"\n");
        sb.append("enrich.schema-registry-url = \"").append(registry.url()).append("\"\n");
        sb.append("enrich.input.topic = \"").append(PREFIX).append("-raw\"\n");
        sb.append("enrich.output.enriched-topic = \"").append(PREFIX).append("-enriched\"\n");
        sb.append("enrich.output.bad-topic = \"").append(PREFIX).append("-bad\"\n");
        sb.append("enrich.streams.state-dir = \"").append(stateDir).append("\"\n");
        sb.append("enrich.monitoring.enabled = false\n");
        tuning.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        return sb.toString();
    }
}
