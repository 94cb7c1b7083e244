package dev.tributary.loader.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.loader.buffer.RotationReason;
import dev.tributary.runtime.monitoring.HealthRegistry;
import dev.tributary.runtime.monitoring.MonitoringEndpoints;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The loader's meters as the runtime's {@code /metrics} serves them. */
class LoaderMetricsTest {

    @Test
    void theLoadersMetersAreScrapedFromTheServedRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        LoaderMetrics metrics = new LoaderMetrics(registry, "l1", "RAW");
        metrics.batchWritten(3, 30, 20, Duration.ofMillis(5));
        metrics.rotation(RotationReason.TIME_PARTITION);
        metrics.onRetry("upload-part", 1, new RuntimeException());

        MonitoringEndpoints.Response response = new MonitoringEndpoints(registry, new HealthRegistry())
                .respond("GET", "/metrics");

        assertThat(response.status()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .contains("loader_records_total{loader=\"l1\",purpose=\"RAW\"} 3.0")
                .contains("loader_rotations_total{loader=\"l1\",purpose=\"RAW\",reason=\"time-partition\"} 1.0")
                .contains("loader_retries_total{loader=\"l1\",operation=\"upload-part\",purpose=\"RAW\"} 1.0")
                .contains("loader_upload_seconds_count");
    }
}
