package dev.tributary.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.infra.kafka.EmbeddedKafka;
import dev.tributary.infra.registry.SchemaRegistryServer;
import dev.tributary.schemas.avro.CollectorPayload;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
    void sigtermStopsTheProcessWithExitCodeZero(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("collector.conf");
        Files.writeString(config, "collector { port = 0, interface = \"127.0.0.1\", sink { bootstrap-servers = \""
                + kit.kafka.bootstrapServers() + "\", schema-registry-url = \"" + kit.registry.url() + "\" } }");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CollectorMain.class.getName(), "--config",
                config.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String url = null;
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("collector: ")) {
                    url = line.substring("collector: ".length());
                    break;
                }
            }
            assertThat(url).startsWith("http://localhost:");
            String marker = UUID.randomUUID().toString();
            assertThat(kit.get("/health").statusCode()).isEqualTo(200);
            HttpResponse<Void> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "/i?aid=" + marker)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(r.statusCode()).isEqualTo(200);

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(kit.raw(marker)).hasSize(1);
        } finally {
            process.destroyForcibly();
        }
    }
}
