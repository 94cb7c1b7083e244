package dev.tributary.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.loader.config.LoaderConfig;
import dev.tributary.loader.config.Purpose;
import dev.tributary.loader.config.S3Output;
import dev.tributary.loader.testing.Monitored;
import dev.tributary.loader.testing.SharedInfra;
import dev.tributary.loader.testing.TestConfigs;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loader whose consumer loop dies must not look alive: {@code /health} answers 503 with the reason, and run as a
 * process ({@link S3LoaderMain}) it exits 1 so that its supervisor restarts it. The failure is a real one:
 * the bucket disappears under the running loader, and S3 answers the upload with 404 NoSuchBucket, which is not
 * retried.
 */
class LoaderFailureTest {

    private final SharedInfra infra = SharedInfra.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    @Test
    void healthTurns503WhenTheLoopDies() throws Exception {
        String bucket = "health-failure";
        infra.s3Client.createBucket(b -> b.bucket(bucket));
        LoaderConfig base = TestConfigs.loader(Purpose.ENRICHED_EVENTS, "health-failure", "health-failure",
                "{yyyy}/{MM}/{dd}/{HH}");
        infra.kafka.createTopic(base.input().topic(), 1);
        LoaderConfig config = TestConfigs.withS3(base, new S3Output(bucket, base.s3().prefix(),
                base.s3().partitionFormat(), base.s3().region(), base.s3().endpoint(), true,
                base.s3().multipartThreshold(), base.s3().partSize(), base.s3().timeSource()));

        try (Monitored monitored = Monitored.start(config, infra.s3Client)) {
            S3Loader loader = monitored.loader;
            URI health = monitored.uri("/health");
            await().atMost(Duration.ofSeconds(60)).until(loader::assigned);
            assertThat(get(health).statusCode()).isEqualTo(200);

            infra.s3Client.deleteBucket(b -> b.bucket(bucket));
            Topics.produceLines(config.input().topic(), 0, List.of(TsvLines.line(1, Instant.now())));

            await().atMost(Duration.ofSeconds(60)).until(() -> get(health).statusCode() == 503);
            HttpResponse<String> down = get(health);
            assertThat(down.body()).contains("\"consumer-loop\":{\"status\":\"DOWN\"")
                    .contains("failed: writing health-failure-0 offsets 0-0").contains("NoSuchBucketException");
            assertThat(loader.failure()).isNotNull();
            assertThat(Topics.committedTotal(config.input().groupId())).isZero();
        }
    }

    @Test
    void runStandaloneTheProcessExitsNonZeroWhenTheLoopDies() throws Exception {
        String bucket = "exit-failure";
        String topic = "exit-failure";
        infra.s3Client.createBucket(b -> b.bucket(bucket));
        infra.kafka.createTopic(topic, 1);
        Path conf = temp.resolve("loader.conf");
        Files.writeString(conf, """
                tributary.s3-loader {
                  name = "exit-test"
                  input { bootstrap-servers = "%s", topic = "%s", group-id = "exit-test" }
                  output.s3 { bucket = "%s", prefix = "enriched", endpoint = "%s", path-style = true }
                  output.bad.topic = "bad-exit-test"
                  buffer.max-delay = 300ms
                  retry { initial-backoff = 10ms, max-backoff = 200ms }
                  monitoring { port = 0, host = "127.0.0.1" }
                }
                """.formatted(infra.kafka.bootstrapServers(), topic, bucket, infra.s3.endpoint()));
        Path out = temp.resolve("stdout.txt");
        Path err = temp.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), S3LoaderMain.class.getName(), "--config",
                conf.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        // The default AWS credential chain reads these; S3Mock checks no signature.
        builder.environment().put("AWS_ACCESS_KEY_ID", "test");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        Process process = builder.start();
        try {
            await().atMost(Duration.ofSeconds(90))
                    .failFast("loader exited before it started; stderr: " + err, () -> !process.isAlive())
                    .until(() -> read(out).contains("exit-test: s3://" + bucket + "/enriched/"));
            assertThat(process.isAlive()).isTrue();

            infra.s3Client.deleteBucket(b -> b.bucket(bucket));
            Topics.produceLines(topic, 0, List.of(TsvLines.line(1, Instant.now())));

            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("process ended").isTrue();
            assertThat(process.exitValue()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
            assertThat(read(err)).contains("the s3-loader stopped").contains("NoSuchBucket");
        } finally {
            process.destroyForcibly();
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
