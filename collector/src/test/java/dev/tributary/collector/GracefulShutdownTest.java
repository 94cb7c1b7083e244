package dev.tributary.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.infra.kafka.EmbeddedKafka;
import dev.tributary.infra.registry.SchemaRegistryServer;
import dev.tributary.schemas.avro.CollectorPayload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shutdown answers what it accepted, loses nothing it acknowledged, and the process exits 0 on SIGTERM. */
class GracefulShutdownTest {

    static CollectorTestKit kit;

    @BeforeAll
    static void start() {
        kit = CollectorTestKit.start(Map.of());
    }

    @AfterAll
    static void stop() {
        if (kit != null) {
            kit.close();
        }
    }

    @Test
    void closeAnswersInFlightRequestsAndEveryAcknowledgedOneIsStored() {
        CollectorServer server = CollectorServer.start(CollectorTestKit.config(kit.kafka.bootstrapServers(),
                kit.registry.url(), Map.of()));
        HttpClient client = HttpClient.newHttpClient();
        String run = UUID.randomUUID().toString();
        List<CompletableFuture<Integer>> responses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/i?aid=" + run + "-" + i))
                    .timeout(Duration.ofSeconds(30)).build();
            responses.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode).exceptionally(e -> -1));
        }
        // Close while the batch is under way: some answered, others in flight or not yet connected.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> responses.stream().anyMatch(CompletableFuture::isDone));
        server.close();

        List<Integer> statuses = responses.stream().map(CompletableFuture::join).toList();
        // Requests either got in (and were answered 200) or found the port closed; nothing else.
        assertThat(statuses).allMatch(s -> s == 200 || s == -1).contains(200);
        Set<String> stored = kit.raw(run).stream().map(CollectorPayload::getQuerystring).collect(Collectors.toSet());
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i) == 200) {
                assertThat(stored).contains("aid=" + run + "-" + i);
            }
        }
    }

    @Test
    void theProcessServesHealthAndMetricsAndExits0OnSigtermAfterACleanShutdown(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("collector.conf");
        Files.writeString(config, "collector { interface = \"127.0.0.1\", sink { bootstrap-servers = \""
                + kit.kafka.bootstrapServers() + "\", schema-registry-url = \"" + kit.registry.url() + "\" } }");
        // The port from the environment, the rest from the file: the runtime's layers in a real process.
        Process process = CollectorMainTest.startCollector(dir, List.of("--config", config.toString()),
                Map.of("TRIBUTARY_COLLECTOR_PORT", "0"));
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive()
                    || Files.readString(dir.resolve("stdout")).contains("collector: http://"));
            String url = Files.readString(dir.resolve("stdout")).lines().filter(l -> l.startsWith("collector: "))
                    .findFirst().orElseThrow().substring("collector: ".length());
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).startsWith("{\"status\":\"UP\"");
            String marker = UUID.randomUUID().toString();
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url + "/i?aid=" + marker)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(r.statusCode()).isEqualTo(200);
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(url + "/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("kafka-sink");
            String metrics = http.send(HttpRequest.newBuilder(URI.create(url + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            // The runtime's registry: the collector's meters, the JVM's and the build info in one scrape.
            assertThat(metrics).containsPattern("http_requests_total\\{code=\"200\",endpoint=\"/i\",method=\"GET\"} 1")
                    .contains("collector_raw_records_total 1.0", "jvm_memory_used_bytes", "tributary_build_info");

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(kit.raw(marker)).hasSize(1);
            String log = Files.readString(dir.resolve("stderr"));
            assertThat(log).contains("msg=\"stop requested\"").contains("msg=\"collector stopped\" unanswered_requests=0")
                    .contains("msg=stopped");
        } finally {
            process.destroyForcibly();
        }
    }
}
