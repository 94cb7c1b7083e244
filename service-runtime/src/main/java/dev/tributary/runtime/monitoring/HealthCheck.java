package dev.tributary.runtime.monitoring;

/**
 * Reports one component's state. Called on the monitoring server's threads for every probe, so it must be
 * cheap and must not block (read a state the service keeps, do not call a broker). A check that throws is
 * reported as down with the exception's type.
 *
 * <pre>{@code
 * health.readiness("kafka-streams", () -> streams.state().isRunningOrRebalancing()
 *         ? HealthStatus.healthy(streams.state().name()) : HealthStatus.unhealthy(streams.state().name()));
 * }</pre>
 */
@FunctionalInterface
public interface HealthCheck {

    HealthStatus check();
}
