package dev.tributary.runtime.cli;

import dev.tributary.runtime.config.LoadedConfig;
import dev.tributary.runtime.monitoring.HealthRegistry;
import dev.tributary.runtime.monitoring.MonitoringEndpoints;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;

/**
 * What the runner hands a service's factory besides its typed config: one meter registry (served on
 * {@code /metrics}), the health registry (behind {@code /health} and {@code /ready}), the endpoints for a
 * service that serves them on its own port (the collector), the loaded config (for {@code raw()} access),
 * the version, and standard output for the {@code name: address} lines scripts read.
 */
public record ServiceContext(String name, String version, LoadedConfig config, PrometheusMeterRegistry registry,
                             HealthRegistry health, MonitoringEndpoints endpoints, PrintStream out) {
}
