package dev.tributary.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.loader.testing.SharedInfra;
import dev.tributary.loader.testing.Topics;
import dev.tributary.loader.testing.TsvLines;
import dev.tributary.runtime.cli.ExitCodes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link S3LoaderMain} as its own process: the service runtime's options, exit codes, monitoring and signals.
 */
class S3LoaderProcessTest {

    private static final Pattern MONITORING = Pattern.compile("monitoring=(http://127\\.0\\.0\\.1:\\d+)");

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    @Test
    void aBadValueExits2NamingTheKeyBeforeStartingAnything() throws Exception {
        Process process = start(List.of(), Map.of("TRIBUTARY_S3_LOADER_BUFFER_GZIP_LEVEL", "11"));
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(ExitCodes.CONFIG_ERROR);
            assertThat(read("stderr")).contains("tributary.s3-loader.buffer.gzip-level").contains("'11'")
                    .contains("TRIBUTARY_S3_LOADER_BUFFER_GZIP_LEVEL");
            assertThat(read("stdout")).isEmpty();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aMisspeltKeyExits2UnderStrictConfigNamingIt() throws Exception {
        Path conf = Files.writeString(temp.resolve("typo.conf"), "tributary.s3-loader.output.s3.bukket = b\n");
        Process process = start(List.of("--config", conf.toString(), "--strict-config"), Map.of());
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(ExitCodes.CONFIG_ERROR);
            assertThat(read("stderr")).contains("tributary.s3-loader.output.s3.bukket")
                    .contains("tributary.s3-loader.output.s3.bucket");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void servesHealthAndMetricsAndExits0OnSigtermAfterACleanShutdown() throws Exception {
        SharedInfra infra = SharedInfra.get();
        String bucket = "process-test";
        String topic = "process-test";
        infra.s3Client.createBucket(b -> b.bucket(bucket));
        infra.kafka.createTopic(topic, 1);
        Path conf = Files.writeString(temp.resolve("loader.conf"), """
                tributary.s3-loader {
                  name = "process-test"
                  input { bootstrap-servers = "%s", topic = "%s", group-id = "process-test" }
                  output.s3 { bucket = "%s", prefix = "enriched", endpoint = "%s", path-style = true }
                  output.bad.topic = "bad-process-test"
                  buffer.max-records = 5
                  buffer.max-delay = 10 minutes
                  retry { initial-backoff = 10ms, max-backoff = 200ms }
                  monitoring.port = 0
                }
                """.formatted(infra.kafka.bootstrapServers(), topic, bucket, infra.s3.endpoint()));
        Process process = start(List.of("--config", conf.toString()),
                Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"));
        try {
            await().atMost(Duration.ofSeconds(90))
                    .failFast("loader exited before it started", () -> !process.isAlive())
                    .until(() -> read("stdout").contains("process-test: s3://" + bucket + "/enriched/")
                            && MONITORING.matcher(read("stderr")).find());
            Matcher m = MONITORING.matcher(read("stderr"));
            assertThat(m.find()).isTrue();
            String base = m.group(1);

            HttpResponse<String> health = get(base + "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"consumer-loop\":{\"status\":\"UP\"");
            String metrics = get(base + "/metrics").body();
            assertThat(metrics).contains("tributary_build_info{service=\"s3-loader\"")
                    .contains("loader_records_total{loader=\"process-test\"")
                    .contains("jvm_memory_used_bytes");

            // It loads: five records make one object (buffer.max-records), committed after the upload.
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                lines.add(TsvLines.line(i, Instant.now()));
            }
            Topics.produceLines(topic, 0, lines);
            await().atMost(Duration.ofSeconds(60)).until(() -> Topics.committedTotal("process-test") == 5);
            assertThat(get(base + "/metrics").body())
                    .contains("loader_records_total{loader=\"process-test\",purpose=\"ENRICHED_EVENTS\"} 5.0");

            process.destroy(); // SIGTERM

            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("process ended").isTrue();
            assertThat(process.exitValue()).as(read("stderr")).isEqualTo(ExitCodes.OK);
            assertThat(read("stderr")).contains("stop requested").contains("msg=stopped");
        } finally {
            process.destroyForcibly();
        }
    }

    private Process start(List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), S3LoaderMain.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(temp.resolve("stdout").toFile()).redirectError(temp.resolve("stderr").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("TRIBUTARY_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String read(String name) throws IOException {
        Path file = temp.resolve(name);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
