package dev.tributary.runtime.monitoring;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code /health}, {@code /ready} and {@code /metrics} over the JDK's HTTP server: enough for probes and a
 * Prometheus scrape, nothing to configure beyond host and port. Bounded everywhere: two worker threads, a queue
 * of {@value #QUEUE} exchanges, and past that the accepting thread answers itself, which stops it accepting
 * more (back-pressure instead of an unbounded queue or dropped connections left hanging).
 */
public final class MonitoringServer implements AutoCloseable {

    static final int THREADS = 2;
    static final int QUEUE = 32;
    private static final int BACKLOG = 16;
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final HttpServer server;
    private final ThreadPoolExecutor executor;

    private MonitoringServer(HttpServer server, ThreadPoolExecutor executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds and starts serving.
     *
     * @throws IOException when the address cannot be bound (port in use, host not local); the caller names the key
     */
    public static MonitoringServer start(String host, int port, MonitoringEndpoints endpoints) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), BACKLOG);
        int id = SERVERS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "monitoring-" + id + "-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, endpoints));
        server.start();
        return new MonitoringServer(server, executor);
    }

    public static MonitoringServer start(MonitoringSettings settings, MonitoringEndpoints endpoints)
            throws IOException {
        return start(settings.host(), settings.port(), endpoints);
    }

    private static void handle(HttpExchange exchange, MonitoringEndpoints endpoints) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            MonitoringEndpoints.Response response = endpoints.respond(method, exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (response.status() == 405) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            }
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(response.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(response.status(), response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>} (the bound host). */
    public String url() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
