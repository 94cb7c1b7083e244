package dev.tributary.runtime.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.runtime.config.ConfigLoader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real HTTP calls against a server on a free loopback port. */
class MonitoringServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HealthRegistry health = new HealthRegistry();
    private final AtomicBoolean loopAlive = new AtomicBoolean(true);
    private final AtomicBoolean kafkaReady = new AtomicBoolean(false);
    private MonitoringServer server;

    @BeforeEach
    void start() throws IOException {
        health.liveness("consumer-loop", () -> loopAlive.get() ? HealthStatus.healthy()
                : HealthStatus.unhealthy("failed: \"disk\" full"));
        health.readiness("kafka", () -> kafkaReady.get() ? HealthStatus.healthy("RUNNING")
                : HealthStatus.unhealthy("REBALANCING"));
        server = MonitoringServer.start(MonitoringSettings.loopbackAnyPort(), new MonitoringEndpoints(registry, health));
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    @Test
    void healthIsLivenessOnlyAndListsComponents() throws Exception {
        HttpResponse<String> up = get("/health");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.headers().firstValue("Content-Type")).contains(MonitoringEndpoints.JSON);
        JsonNode body = JSON.readTree(up.body());
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.get("components").has("consumer-loop")).isTrue();
        assertThat(body.get("components").has("kafka")).isFalse(); // readiness does not decide liveness

        loopAlive.set(false);
        HttpResponse<String> down = get("/health");
        assertThat(down.statusCode()).isEqualTo(503);
        JsonNode downBody = JSON.readTree(down.body());
        assertThat(downBody.get("status").asText()).isEqualTo("DOWN");
        assertThat(downBody.at("/components/consumer-loop/detail").asText()).isEqualTo("failed: \"disk\" full");
    }

    @Test
    void readyFollowsTheReadinessAndLivenessChecks() throws Exception {
        HttpResponse<String> notReady = get("/ready");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(notReady.body()).at("/components/kafka/detail").asText()).isEqualTo("REBALANCING");

        kafkaReady.set(true);
        assertThat(get("/ready").statusCode()).isEqualTo(200);

        loopAlive.set(false);
        assertThat(get("/ready").statusCode()).isEqualTo(503);
    }

    @Test
    void aThrowingCheckIsDownWithItsTypeButNotItsMessage() throws Exception {
        health.readiness("broken", () -> {
            throw new IllegalStateException("password=hunter2");
        });
        kafkaReady.set(true);

        HttpResponse<String> response = get("/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("java.lang.IllegalStateException").doesNotContain("hunter2");
    }

    @Test
    void metricsServeThePrometheusText() throws Exception {
        Counter.builder("demo.records").tag("outcome", "good").register(registry).increment(3);

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains(MonitoringEndpoints.PROMETHEUS_TEXT);
        assertThat(response.body()).contains("demo_records_total{outcome=\"good\"} 3.0");
    }

    @Test
    void unknownPathsAre404AndAddNoSeries() throws Exception {
        Set<String> before = seriesNames();

        for (String path : new String[] {"/", "/foo", "/health/x", "/metricsx", "/ready/../admin"}) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }

        assertThat(seriesNames()).isEqualTo(before);
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/health"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");

        HttpResponse<String> head = http.send(HttpRequest.newBuilder(uri("/metrics"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void settingsDefaultToLoopbackFromConfig() {
        MonitoringSettings settings = MonitoringSettings.read(
                ConfigLoader.forService("demo", "demo").load().typed().at("monitoring"));

        assertThat(settings).isEqualTo(new MonitoringSettings(true, "127.0.0.1", 0));
        assertThat(server.url()).startsWith("http://127.0.0.1:");
    }

    @Test
    void checkNamesAreFixedIdentifiersRegisteredOnce() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> health.readiness("Kafka Streams!", HealthStatus::healthy))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> health.readiness("kafka", HealthStatus::healthy))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered");
    }

    private Set<String> seriesNames() throws Exception {
        return Arrays.stream(get("/metrics").body().split("\n"))
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.substring(0, l.lastIndexOf(' ')))
                .collect(Collectors.toSet());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(server.url() + path);
    }
}
