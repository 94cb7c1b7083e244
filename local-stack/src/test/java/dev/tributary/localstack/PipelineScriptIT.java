package dev.tributary.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Runs the real {@code ./pipeline up} script as a user would (after {@code mvn package} built the
 * stack), reads the addresses it prints, writes to each component, stops it with SIGTERM as Ctrl-C
 * would, starts it again on the same data directory and finds everything written before.
 */
class PipelineScriptIT {

    private static final Path PROJECT_ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path dataDir;

    private Process running;

    @AfterEach
    void stopStack() throws InterruptedException {
        if (running != null && running.isAlive()) {
            running.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void pipelineUpPrintsTheAddressesAndARestartFindsTopicsObjectsAndTables() throws Exception {
        List<String> ports = List.of(
                "--kafka-port", freePort(), "--kafka-controller-port", freePort(), "--registry-port", freePort(),
                "--s3-port", freePort(), "--postgres-port", freePort(), "--collector-port", freePort(),
                "--enrich-port", freePort(), "--health-port", freePort());

        Map<String, String> first = start(ports);
        assertThat(first).containsOnlyKeys("kafka", "schema-registry", "s3", "postgres", "collector", "stream-enrich",
                "s3-loader-enriched", "s3-loader-bad", "s3-loader-raw", "health", "batch");
        assertThat(first.get("health")).isEqualTo("http://localhost:" + ports.get(15) + "/health");
        assertThat(first).containsEntry("s3-loader-enriched", "s3://tributary/enriched/")
                .containsEntry("s3-loader-bad", "s3://tributary/bad/")
                .containsEntry("s3-loader-raw", "s3://tributary/raw/")
                .containsEntry("batch", "s3://tributary/batch/");
        assertThat(first.get("kafka")).isEqualTo("localhost:" + ports.get(1));
        assertThat(first.get("schema-registry")).isEqualTo("http://localhost:" + ports.get(5));
        assertThat(first.get("s3")).isEqualTo("http://localhost:" + ports.get(7));
        assertThat(first.get("postgres")).startsWith("jdbc:postgresql://localhost:" + ports.get(9) + "/");
        assertThat(first.get("collector")).isEqualTo("http://localhost:" + ports.get(11));
        // The collector answers only once Kafka stored the event on the raw topic.
        assertThat(java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(first.get("collector") + "/i?e=pv&p=web&tv=it")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, first.get("kafka")));
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, first.get("kafka")), new StringSerializer(), new StringSerializer())) {
            admin.createTopics(List.of(new NewTopic("quickstart-events", 2, (short) 1))).all().get();
            producer.send(new ProducerRecord<>("quickstart-events", "k", "hello from the first run")).get();
        }
        try (S3Client s3 = StackTestSupport.s3(first.get("s3"))) {
            s3.putObject(b -> b.bucket("tributary").key("enriched/run=1/part-0.gz")
                    .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromString("event line"));
        }
        try (Connection db = DriverManager.getConnection(first.get("postgres"), "postgres", "");
             Statement sql = db.createStatement()) {
            sql.execute("create table loads (run text primary key)");
            sql.execute("insert into loads values ('run=1')");
        }

        stop();
        Map<String, String> second = start(ports);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, second.get("kafka")));
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, second.get("kafka"),
                     ConsumerConfig.GROUP_ID_CONFIG, "pipeline-script-it",
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            assertThat(admin.describeTopics(List.of("quickstart-events")).allTopicNames().get()
                    .get("quickstart-events").partitions()).hasSize(2);
            consumer.subscribe(List.of("quickstart-events"));
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(250)).forEach(r -> values.add(r.value()));
                return !values.isEmpty();
            });
            assertThat(values).containsExactly("hello from the first run");
        }
        try (S3Client s3 = StackTestSupport.s3(second.get("s3"))) {
            HeadObjectResponse head = s3.headObject(b -> b.bucket("tributary").key("enriched/run=1/part-0.gz"));
            assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
            assertThat(s3.getObjectAsBytes(b -> b.bucket("tributary").key("enriched/run=1/part-0.gz")).asUtf8String())
                    .isEqualTo("event line");
        }
        try (Connection db = DriverManager.getConnection(second.get("postgres"), "postgres", "");
             Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select run from loads")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("run=1");
        }
        stop();
    }

    private Map<String, String> start(List<String> ports) throws IOException {
        List<String> command = new ArrayList<>(List.of(PROJECT_ROOT.resolve("pipeline").toString(), "up",
                "--data-dir", dataDir.toString()));
        command.addAll(ports);
        Path log = Files.createTempFile(dataDir.getParent(), "pipeline-", ".log");
        running = new ProcessBuilder(command)
                .directory(PROJECT_ROOT.toFile())
                .redirectError(log.toFile())
                .start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(running.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended; the assertions below report what was read
            }
        }, "pipeline-stdout");
        reader.setDaemon(true);
        reader.start();

        await().atMost(Duration.ofMinutes(4))
                .failFast("pipeline exited early; stderr in " + log, () -> !running.isAlive())
                .until(() -> lines.stream().anyMatch(l -> l.startsWith("ready:")));
        return lines.stream()
                .filter(l -> !l.startsWith("ready:") && l.contains(": "))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(": ")), l -> l.substring(l.indexOf(": ") + 2)));
    }

    private void stop() throws InterruptedException {
        running.destroy(); // SIGTERM, as Ctrl-C or a service manager would send
        assertThat(running.waitFor(90, TimeUnit.SECONDS)).as("stack stopped after SIGTERM").isTrue();
    }


    private static String freePort() {
        return Integer.toString(StackTestSupport.freePort());
    }
}
