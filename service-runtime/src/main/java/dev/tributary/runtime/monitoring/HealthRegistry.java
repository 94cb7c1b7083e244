package dev.tributary.runtime.monitoring;

import dev.tributary.runtime.JsonText;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * The checks behind {@code /health} (liveness: is the process worth keeping, or should it be restarted?) and
 * {@code /ready} (readiness: should it get traffic or work now?). A service registers its checks once, at
 * start; each probe runs them all. With no check of a kind registered, that kind reports up: a process that
 * answers at all is alive, and a service that declares no readiness condition is ready once it answers.
 * Every liveness check also counts for readiness: a service that is not alive is not ready either.
 */
public final class HealthRegistry {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    private final Map<String, HealthCheck> liveness = new ConcurrentSkipListMap<>();
    private final Map<String, HealthCheck> readiness = new ConcurrentSkipListMap<>();

    /** Registers a liveness check; {@code name} is a fixed identifier such as {@code consumer-loop}. */
    public HealthRegistry liveness(String name, HealthCheck check) {
        register(liveness, name, check);
        return this;
    }

    /** Registers a readiness check; {@code name} is a fixed identifier such as {@code kafka}. */
    public HealthRegistry readiness(String name, HealthCheck check) {
        register(readiness, name, check);
        return this;
    }

    private static void register(Map<String, HealthCheck> checks, String name, HealthCheck check) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("health check name '" + name + "': expected " + NAME.pattern());
        }
        if (checks.putIfAbsent(name, check) != null) {
            throw new IllegalArgumentException("health check '" + name + "' is already registered");
        }
    }

    /** What {@code /health} reports. */
    public Report live() {
        return run(liveness, Map.of());
    }

    /** What {@code /ready} reports: the liveness checks and the readiness checks. */
    public Report ready() {
        return run(liveness, readiness);
    }

    private static Report run(Map<String, HealthCheck> first, Map<String, HealthCheck> second) {
        Map<String, HealthStatus> results = new LinkedHashMap<>();
        boolean up = true;
        for (Map<String, HealthCheck> checks : java.util.List.of(first, second)) {
            for (Map.Entry<String, HealthCheck> e : checks.entrySet()) {
                HealthStatus status;
                try {
                    status = e.getValue().check();
                    if (status == null) {
                        status = HealthStatus.unhealthy("check returned nothing");
                    }
                } catch (RuntimeException ex) {
                    // The type only: an exception message may quote configuration or payloads.
                    status = HealthStatus.unhealthy("check failed: " + ex.getClass().getName());
                }
                results.put(e.getKey(), status);
                up &= status.up();
            }
        }
        return new Report(up, Collections.unmodifiableMap(results));
    }

    /** The outcome of one probe: overall state and every component's. */
    public record Report(boolean up, Map<String, HealthStatus> components) {

        /** {@code {"status":"UP","components":{"kafka":{"status":"UP","detail":"RUNNING"}}}} */
        public String toJson() {
            StringBuilder sb = new StringBuilder(64 + components.size() * 48);
            sb.append("{\"status\":\"").append(up ? "UP" : "DOWN").append("\",\"components\":{");
            boolean firstEntry = true;
            for (Map.Entry<String, HealthStatus> e : components.entrySet()) {
                if (!firstEntry) {
                    sb.append(',');
                }
                firstEntry = false;
                JsonText.appendQuoted(sb, e.getKey());
                sb.append(":{\"status\":\"").append(e.getValue().up() ? "UP" : "DOWN").append('"');
                if (!e.getValue().detail().isEmpty()) {
                    sb.append(",\"detail\":");
                    JsonText.appendQuoted(sb, e.getValue().detail());
                }
                sb.append('}');
            }
            return sb.append("}}").toString();
        }
    }
}
