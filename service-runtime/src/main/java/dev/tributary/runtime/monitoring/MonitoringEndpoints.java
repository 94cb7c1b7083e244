package dev.tributary.runtime.monitoring;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;

/**
 * The monitoring answers independent of any HTTP server: {@link MonitoringServer} serves them on its own port,
 * and a service that already owns an HTTP server (the collector's Netty pipeline) can serve the same bodies on
 * its own routes. Paths match exactly; anything else is 404. No request is counted in a metric, so probing
 * unknown paths adds no series.
 */
public final class MonitoringEndpoints {

    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    public static final String JSON = "application/json";
    public static final String TEXT = "text/plain; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final HealthRegistry health;

    public MonitoringEndpoints(PrometheusMeterRegistry registry, HealthRegistry health) {
        this.registry = registry;
        this.health = health;
    }

    /** An answer: status, content type and body (the body is sent for GET, left out for HEAD by the server). */
    public record Response(int status, String contentType, byte[] body) {

        static Response of(int status, String contentType, String body) {
            return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** @param path the request path without query string, e.g. {@code /ready} */
    public Response respond(String method, String path) {
        boolean known = path.equals("/health") || path.equals("/ready") || path.equals("/metrics");
        if (!known) {
            return Response.of(404, TEXT, "not found\n");
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Response.of(405, TEXT, "method not allowed: use GET\n");
        }
        return switch (path) {
            case "/health" -> health(health.live());
            case "/ready" -> health(health.ready());
            default -> Response.of(200, PROMETHEUS_TEXT, registry.scrape());
        };
    }

    private static Response health(HealthRegistry.Report report) {
        return Response.of(report.up() ? 200 : 503, JSON, report.toJson() + "\n");
    }
}
