package dev.tributary.enrich;

import dev.tributary.enrich.app.StreamEnrichApp;
import dev.tributary.enrich.config.EnrichConfig;
import dev.tributary.runtime.config.ConfigLoader;
import dev.tributary.runtime.monitoring.HealthRegistry;
import dev.tributary.runtime.monitoring.MonitoringEndpoints;
import dev.tributary.runtime.monitoring.MonitoringServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Tests build stream-enrich's config the way the service does (service-runtime's loader: reference.conf, then
 * the given overrides; no environment, unknown keys refused) and run it with the runtime's monitoring server.
 */
public final class EnrichTestConfigs {

    private EnrichTestConfigs() {
    }

    /** reference.conf with {@code overrides} (full keys such as {@code enrich.input.topic}). */
    public static EnrichConfig of(Map<String, ?> overrides) {
        return EnrichConfig.from(ConfigLoader.forService("stream-enrich", EnrichConfig.ROOT)
                .environment(Map.of()).overrides(overrides).load().requireKnownKeys().typed());
    }

    /** A started stream-enrich with its meters and checks behind the runtime's /health, /ready and /metrics. */
    public static Running start(EnrichConfig config) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HealthRegistry health = new HealthRegistry();
        StreamEnrichApp app = StreamEnrichApp.start(config, registry, health);
        try {
            return new Running(app, health, MonitoringServer.start("127.0.0.1", 0,
                    new MonitoringEndpoints(registry, health)));
        } catch (IOException e) {
            app.close();
            throw new UncheckedIOException(e);
        }
    }

    public record Running(StreamEnrichApp app, HealthRegistry health, MonitoringServer monitoring)
            implements AutoCloseable {

        /** {@code http://127.0.0.1:<port>} of /health, /ready and /metrics. */
        public String url() {
            return "http://127.0.0.1:" + monitoring.port();
        }

        @Override
        public void close() {
            app.close();
            monitoring.close();
        }
    }
}
