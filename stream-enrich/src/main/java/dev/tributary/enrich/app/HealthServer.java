package dev.tributary.enrich.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code GET /health} (200 while the streams are running or rebalancing and the schema registry answers, else 503)
 * and {@code GET /metrics}.
 */
final class HealthServer implements AutoCloseable {

    private final HttpServer server;

    HealthServer(String host, int port, Supplier<KafkaStreams.State> state, BooleanSupplier registryHealthy,
                 PrometheusMeterRegistry registry) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "enrich-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/health", exchange -> {
            KafkaStreams.State s = state.get();
            boolean running = s == KafkaStreams.State.RUNNING || s == KafkaStreams.State.REBALANCING;
            boolean registryUp = registryHealthy.getAsBoolean();
            boolean healthy = running && registryUp;
            respond(exchange, healthy ? 200 : 503, "text/plain", (healthy ? "ok " : "unhealthy ") + s
                    + (registryUp ? "" : " schema-registry-unavailable") + "\n");
        });
        server.createContext("/metrics", exchange ->
                respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
