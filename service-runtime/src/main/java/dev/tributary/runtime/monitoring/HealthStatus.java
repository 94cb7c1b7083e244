package dev.tributary.runtime.monitoring;

import java.util.Objects;

/**
 * One component's state as a check sees it. {@code detail} is for people (a Kafka Streams state, a failure
 * reason); it is shown in the health body, so it must not carry secrets, and it is cut to a bounded length.
 */
public record HealthStatus(boolean up, String detail) {

    static final int MAX_DETAIL = 200;

    public HealthStatus {
        Objects.requireNonNull(detail, "detail");
        if (detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL) + "...";
        }
    }

    public static HealthStatus healthy() {
        return new HealthStatus(true, "");
    }

    public static HealthStatus healthy(String detail) {
        return new HealthStatus(true, detail);
    }

    public static HealthStatus unhealthy(String detail) {
        return new HealthStatus(false, detail);
    }
}
