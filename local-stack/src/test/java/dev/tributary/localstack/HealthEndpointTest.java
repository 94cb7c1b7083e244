package dev.tributary.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.infra.net.BindAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The stack's one health URL: 200 only while every component is up, 503 naming the one that is not. */
class HealthEndpointTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aggregatesEveryComponentAndTurns503WhenOneIsDown() throws Exception {
        AtomicReference<String> loader = new AtomicReference<>();
        StackHealth health = new StackHealth();
        health.add("kafka", () -> null);
        health.add("s3-loader-raw", loader::get);
        health.add("postgres", () -> {
            throw new java.sql.SQLException("Connection refused");
        });
        health.add("collector", () -> null);

        StackHealth allUp = new StackHealth();
        allUp.add("kafka", () -> null);
        allUp.add("collector", () -> null);
        try (HealthEndpoint up = new HealthEndpoint(BindAddress.LOOPBACK, 0, allUp);
             HealthEndpoint mixed = new HealthEndpoint(BindAddress.LOOPBACK, 0, health)) {
            HttpResponse<String> ok = get(up.url());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(json(ok)).isEqualTo(json("""
                    {"status":"UP","components":{"kafka":{"status":"UP"},"collector":{"status":"UP"}}}"""));

            HttpResponse<String> down = get(mixed.url());
            assertThat(down.statusCode()).isEqualTo(503);
            JsonNode body = json(down);
            assertThat(body.path("status").asText()).isEqualTo("DOWN");
            assertThat(body.path("components").path("postgres").path("reason").asText())
                    .isEqualTo("SQLException: Connection refused");
            assertThat(body.path("components").path("s3-loader-raw").path("status").asText()).isEqualTo("UP");

            loader.set("failed: writing raw-0 offsets 0-3 failed");
            JsonNode later = json(get(mixed.url()));
            assertThat(later.path("components").path("s3-loader-raw").path("reason").asText())
                    .isEqualTo("failed: writing raw-0 offsets 0-3 failed");
            assertThat(later.path("components").fieldNames()).toIterable()
                    .containsExactly("kafka", "s3-loader-raw", "postgres", "collector");
        }
    }

    @Test
    void listensOnTheStacksBindAddress() throws Exception {
        try (HealthEndpoint endpoint = new HealthEndpoint(BindAddress.LOOPBACK, 0, new StackHealth())) {
            assertThat(endpoint.url()).isEqualTo("http://localhost:" + endpoint.port() + "/health");
            assertThat(dev.tributary.infra.net.ListeningSockets.onPort(endpoint.port())).isNotEmpty()
                    .allSatisfy(l -> assertThat(l.isLoopback()).isTrue());
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return json(response.body());
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }
}
