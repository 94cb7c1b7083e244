package dev.tributary.enrich.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.enrich.StreamEnrichMain;
import dev.tributary.infra.kafka.EmbeddedKafka;
import dev.tributary.runtime.cli.ExitCodes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stream-enrich as its own process: real signals, real exit codes, the runtime's monitoring server. */
class StreamEnrichProcessTest {

    private static final Pattern MONITORING = Pattern.compile("monitoring=(http://[0-9.]+:[0-9]+)");

    @TempDir
    Path dir;

    @Test
    void servesHealthAndMetricsThenSigtermStopsCleanlyWithExit0() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().start()) {
            for (String t : List.of("p-raw", "p-enriched", "p-bad")) {
                kafka.createTopic(t, 1);
            }
            Path config = Files.writeString(dir.resolve("enrich.conf"), """
                    enrich {
                      application-id = "process-test"
                      bootstrap-servers = "%s"
                      input.topic = "p-raw"
                      output { enriched-topic = "p-enriched", bad-topic = "p-bad" }
                      streams.state-dir = "%s"
                      monitoring.port = 0
                    }
                    """.formatted(kafka.bootstrapServers(), dir.resolve("state")));
            Process process = start(List.of("--config", config.toString()), List.of());
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> MONITORING.matcher(read("stderr")).find()
                        || !process.isAlive());
                Matcher m = MONITORING.matcher(read("stderr"));
                assertThat(m.find()).as("started; stderr: %s", read("stderr")).isTrue();
                String base = m.group(1);
                HttpClient http = HttpClient.newHttpClient();
                await().atMost(Duration.ofSeconds(90)).until(() -> get(http, base + "/ready").statusCode() == 200);
                HttpResponse<String> health = get(http, base + "/health");
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"kafka-streams\":{\"status\":\"UP\"");
                HttpResponse<String> metrics = get(http, base + "/metrics");
                assertThat(metrics.statusCode()).isEqualTo(200);
                assertThat(metrics.body()).contains("enrich_stream_running 1.0")
                        .contains("tributary_build_info{service=\"stream-enrich\"");

                process.destroy(); // SIGTERM

                assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).as("stderr: %s", read("stderr")).isEqualTo(ExitCodes.OK);
                assertThat(read("stderr")).contains("msg=\"stop requested\"").contains("msg=stopped");
            } finally {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void aBadConfigExits2NamingTheKey() throws Exception {
        Path config = Files.writeString(dir.resolve("enrich.conf"), "enrich.output.partition-key = ip\n");

        Process process = start(List.of("--config", config.toString()),
                List.of("TRIBUTARY_STREAM_ENRICH_MONITORING_PORT=0"));
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(ExitCodes.CONFIG_ERROR);
            assertThat(read("stderr")).contains("enrich.output.partition-key").contains("'ip'")
                    .contains("enrich.conf");
        } finally {
            process.destroyForcibly();
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Process start(List<String> args, List<String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                StreamEnrichMain.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("TRIBUTARY_"));
        for (String kv : env) {
            String[] parts = kv.split("=", 2);
            builder.environment().put(parts[0], parts[1]);
        }
        return builder.start();
    }

    private String read(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
