package dev.tributary.loader.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.loader.buffer.RotationReason;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MonitoringServerTest {

    @Test
    void servesPrometheusMetricsAndHealth() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        LoaderMetrics metrics = new LoaderMetrics(registry, "l1", "RAW");
        metrics.batchWritten(3, 30, 20, Duration.ofMillis(5));
        metrics.rotation(RotationReason.TIME_PARTITION);
        metrics.onRetry("upload-part", 1, new RuntimeException());
        AtomicReference<String> unhealthy = new AtomicReference<>();
        HttpClient http = HttpClient.newHttpClient();
        try (MonitoringServer server = new MonitoringServer("127.0.0.1", 0, registry, unhealthy::get)) {
            String base = "http://localhost:" + server.port();
            String scrape = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(scrape).contains("loader_records_total{loader=\"l1\",purpose=\"RAW\"} 3.0")
                    .contains("loader_rotations_total{loader=\"l1\",purpose=\"RAW\",reason=\"time-partition\"} 1.0")
                    .contains("loader_retries_total{loader=\"l1\",operation=\"upload-part\",purpose=\"RAW\"} 1.0")
                    .contains("loader_upload_seconds_count");

            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            unhealthy.set("failed: boom");
            HttpResponse<String> down = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("failed: boom");
        }
    }
}
