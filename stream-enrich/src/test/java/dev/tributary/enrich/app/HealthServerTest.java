package dev.tributary.enrich.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class HealthServerTest {

    @Test
    void aSchemaRegistryOutageMakesHealthUnhealthyUntilItRecovers() throws Exception {
        AtomicBoolean registryUp = new AtomicBoolean(true);
        try (HealthServer server = new HealthServer("127.0.0.1", 0, () -> KafkaStreams.State.RUNNING,
                registryUp::get, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                    .build();

            assertThat(http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            registryUp.set(false);
            HttpResponse<String> down = http.send(health, HttpResponse.BodyHandlers.ofString());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).isEqualTo("unhealthy RUNNING schema-registry-unavailable\n");
            registryUp.set(true);
            assertThat(http.send(health, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("ok RUNNING\n");
        }
    }
}
