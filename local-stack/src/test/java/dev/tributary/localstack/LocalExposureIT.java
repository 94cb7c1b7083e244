package dev.tributary.localstack;

import static dev.tributary.localstack.StackTestSupport.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.infra.net.BindAddress;
import dev.tributary.infra.net.ListeningSockets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The stack as {@code ./pipeline up} runs it, seen from the outside: nothing listens beyond loopback, the data is
 * owner-only, and one URL reports every component's health, turning 503 when one of them fails for real. The last
 * test breaks the stack (it removes the bucket), so the tests run in order on one stack.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalExposureIT {

    private static final String BUCKET = "tributary";
    private static final List<String> COMPONENTS = List.of("kafka", "schema-registry", "postgres", "collector",
            "stream-enrich", "s3", "s3-loader-enriched", "s3-loader-bad", "s3-loader-raw");

    private final HttpClient http = HttpClient.newHttpClient();
    private Path dataDir;
    private StackSettings settings;
    private RunningStack stack;
    private Map<String, String> endpoints;

    @BeforeAll
    void startStack() throws Exception {
        dataDir = Files.createTempDirectory("local-exposure-it").resolve("data");
        settings = new StackSettings(dataDir, freePort(), freePort(), freePort(), freePort(), freePort(), BUCKET,
                "arn:aws:kms:us-east-1:000000000000:key/exposure-it", freePort(), freePort(), BindAddress.LOOPBACK,
                freePort());
        stack = RunningStack.start(settings);
        endpoints = stack.endpoints().stream().collect(Collectors.toMap(Endpoint::name, Endpoint::address,
                (a, b) -> a, LinkedHashMap::new));
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everyListenerOfTheStackIsBoundToLoopback() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("kafka", settings.kafkaPort());
        ports.put("kafka-controller", settings.kafkaControllerPort());
        ports.put("schema-registry", settings.registryPort());
        ports.put("s3", settings.s3Port());
        ports.put("postgres", settings.postgresPort());
        ports.put("collector", settings.collectorPort());
        ports.put("stream-enrich monitoring", settings.enrichPort());
        ports.put("health", settings.healthPort());
        ports.forEach((name, port) -> assertThat(ListeningSockets.onPort(port)).as("%s on port %d", name, port)
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l.isLoopback()).as("%s bound to %s", name, l.address()).isTrue()));

        // Listeners nobody configured count too (S3Mock's extra connectors, client callback ports ...): every socket
        // this JVM listens on, and PostgreSQL's (a child process) by its port above.
        List<ListeningSockets.Listener> ours = ListeningSockets.ofThisProcess();
        assertThat(ours).extracting(ListeningSockets.Listener::port)
                .contains(settings.kafkaPort(), settings.s3Port(), settings.collectorPort(), settings.healthPort());
        assertThat(ours).allSatisfy(l -> assertThat(l.isLoopback())
                .as("port %d bound to %s", l.port(), l.address()).isTrue());
    }

    @Test
    @Order(2)
    void theDataDirectoriesAreOwnerOnly() throws Exception {
        List<Path> dirs = new ArrayList<>(List.of(dataDir));
        try (Stream<Path> top = Files.list(dataDir)) {
            top.filter(Files::isDirectory).forEach(dirs::add);
        }
        assertThat(dirs).extracting(d -> d.getFileName().toString())
                .contains("data", "kafka", "s3", "postgres", "stream-enrich");
        for (Path dir : dirs) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).as(dir.toString())
                    .isEqualTo("rwx------");
        }
    }

    @Test
    @Order(3)
    void oneHealthEndpointReportsEveryComponentUp() throws Exception {
        assertThat(endpoints.get("health")).isEqualTo("http://localhost:" + settings.healthPort() + "/health");
        // stream-enrich reports healthy once its first rebalance is done.
        await().atMost(Duration.ofSeconds(120)).until(() -> health().statusCode() == 200);
        JsonNode body = new ObjectMapper().readTree(health().body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("components").fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(COMPONENTS);
        COMPONENTS.forEach(c -> assertThat(body.path("components").path(c).path("status").asText()).as(c)
                .isEqualTo("UP"));
    }

    @Test
    @Order(4)
    void aFailedLoaderTurnsTheStackHealth503AndSaysWhich() throws Exception {
        // A real failure: the bucket goes away, so the raw loader's next upload gets 404 NoSuchBucket, which is
        // not retried, and its loop stops.
        try (S3Client s3 = StackTestSupport.s3(endpoints.get("s3"))) {
            s3.deleteBucket(b -> b.bucket(BUCKET));
        }
        HttpResponse<Void> sent = http.send(HttpRequest.newBuilder(
                URI.create(endpoints.get("collector") + "/i?e=pv&p=web&tv=exposure-it")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(sent.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(120)).until(() -> new ObjectMapper().readTree(health().body())
                .path("components").path("s3-loader-raw").path("status").asText().equals("DOWN"));
        HttpResponse<String> down = health();
        assertThat(down.statusCode()).isEqualTo(503);
        JsonNode body = new ObjectMapper().readTree(down.body());
        assertThat(body.path("status").asText()).isEqualTo("DOWN");
        assertThat(body.path("components").path("s3-loader-raw").path("reason").asText())
                .startsWith("failed: writing raw-").contains("404");
        assertThat(body.path("components").path("s3").path("status").asText()).isEqualTo("DOWN");
        assertThat(body.path("components").path("kafka").path("status").asText()).isEqualTo("UP");
    }

    private HttpResponse<String> health() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(endpoints.get("health"))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
