package dev.tributary.runtime.monitoring;

import dev.tributary.runtime.config.TypedConfig;

/**
 * Where the monitoring server listens. Every service's reference.conf carries the block
 * <pre>
 * monitoring {
 *   enabled = true
 *   host = "127.0.0.1"   # loopback: opening it to the network is a deliberate act
 *   port = 9400          # 0 picks a free port
 * }
 * </pre>
 */
public record MonitoringSettings(boolean enabled, String host, int port) {

    public static final String DEFAULT_HOST = "127.0.0.1";

    /** Reads {@code enabled}, {@code host}, {@code port} below {@code monitoring} (e.g. {@code root.at("monitoring")}). */
    public static MonitoringSettings read(TypedConfig monitoring) {
        return new MonitoringSettings(monitoring.bool("enabled"), monitoring.nonBlank("host"),
                monitoring.port("port"));
    }

    /** Loopback, a free port: for tests and embedding. */
    public static MonitoringSettings loopbackAnyPort() {
        return new MonitoringSettings(true, DEFAULT_HOST, 0);
    }
}
