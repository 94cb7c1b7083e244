package dev.tributary.trigger.metrics;

import dev.tributary.runtime.monitoring.HealthRegistry;
import dev.tributary.runtime.monitoring.MonitoringEndpoints;
import dev.tributary.runtime.monitoring.MonitoringServer;
import dev.tributary.runtime.monitoring.MonitoringSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code run --monitoring-port}: the runtime's monitoring server on loopback for the length of one run, serving
 * {@code /health}, {@code /ready} and {@code /metrics} (the {@link RunMeters} and {@code tributary_build_info}).
 * No check is registered: a trigger that answers is alive and, being a batch job, has nothing to be ready for.
 */
public final class RunMonitoring implements AutoCloseable {

    private final PrometheusMeterRegistry registry;
    private final MonitoringServer server;
    private final RunMeters meters;

    private RunMonitoring(PrometheusMeterRegistry registry, MonitoringServer server, RunMeters meters) {
        this.registry = registry;
        this.server = server;
        this.meters = meters;
    }

    /**
     * Binds {@code 127.0.0.1:port} (0 picks a free port) and starts serving.
     *
     * @throws IOException when the port cannot be bound
     */
    public static RunMonitoring start(int port, Clock clock, String service, String version) throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Gauge.builder("tributary.build.info", () -> 1).tag("service", service).tag("version", version)
                .description("the running build").register(registry);
        Instant start = clock.instant();
        RunMeters meters = new RunMeters(registry, () -> Duration.between(start, clock.instant()));
        try {
            MonitoringServer server = MonitoringServer.start(MonitoringSettings.DEFAULT_HOST, port,
                    new MonitoringEndpoints(registry, new HealthRegistry()));
            return new RunMonitoring(registry, server, meters);
        } catch (IOException e) {
            registry.close();
            throw e;
        }
    }

    public RunMeters meters() {
        return meters;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return server.url();
    }

    @Override
    public void close() {
        server.close();
        registry.close();
    }
}
