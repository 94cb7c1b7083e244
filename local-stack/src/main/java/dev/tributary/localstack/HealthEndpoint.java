package dev.tributary.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tributary.infra.net.BindAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code GET /health} for the whole stack: every component's health as JSON, 200 when all are up, 503 when any is
 * down, so one URL tells a user (or a script waiting for the stack) whether anything has failed and what:
 *
 * <pre>{@code
 * {"status":"DOWN","components":{"kafka":{"status":"UP"}, ...,
 *   "s3-loader-raw":{"status":"DOWN","reason":"failed: writing raw-0 offsets 0-3 failed; cause: ..."}}}
 * }</pre>
 */
final class HealthEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService handler;
    private final BindAddress bindAddress;

    HealthEndpoint(BindAddress bindAddress, int port, StackHealth health) throws IOException {
        this.bindAddress = bindAddress;
        server = HttpServer.create(bindAddress.socketAddress(port), 0);
        // One thread: checks are cheap, and a burst of requests must not turn into a burst of checks.
        handler = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "stack-health");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(handler);
        server.createContext("/health", exchange -> respond(exchange, health.check()));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://" + bindAddress.clientHost() + ":" + port() + "/health";
    }

    static String body(List<ComponentHealth> components) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", components.stream().allMatch(ComponentHealth::isUp) ? "UP" : "DOWN");
        ObjectNode byName = root.putObject("components");
        for (ComponentHealth c : components) {
            ObjectNode node = byName.putObject(c.name()).put("status", c.isUp() ? "UP" : "DOWN");
            if (!c.isUp()) {
                node.put("reason", c.reason());
            }
        }
        return root.toString();
    }

    private static void respond(HttpExchange exchange, List<ComponentHealth> components) throws IOException {
        try (exchange) {
            byte[] bytes = body(components).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int status = components.stream().allMatch(ComponentHealth::isUp) ? 200 : 503;
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handler.shutdownNow();
    }
}
