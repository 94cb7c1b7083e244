package dev.tributary.loader.upload;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of the S3 server that answers scripted faults for one kind of request, a given number of
 * times, then forwards again. Each request is classified by its S3 operation, so faults can target a PUT or one
 * phase of a multipart upload.
 */
final class FaultyS3Proxy implements AutoCloseable {

    enum Phase { PUT_OBJECT, CREATE_MULTIPART, UPLOAD_PART, COMPLETE_MULTIPART, OTHER }

    enum Fault {
        /** 500 InternalError with S3's XML error body. */
        INTERNAL_ERROR,
        /** 503 SlowDown with S3's XML error body. */
        SLOW_DOWN,
        /** The connection is dropped before the request reaches S3: no status line at all. */
        CONNECTION_RESET,
        /** The request reaches S3 and succeeds there, but the connection drops before the answer gets back. */
        RESPONSE_LOST
    }

    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive", "date");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;
    private final Map<Phase, Deque<Fault>> script = new EnumMap<>(Phase.class);
    private final Map<Phase, AtomicInteger> injected = new ConcurrentHashMap<>();
    private final Map<Phase, AtomicInteger> forwarded = new ConcurrentHashMap<>();

    FaultyS3Proxy(URI target) throws IOException {
        this.target = target;
        for (Phase p : Phase.values()) {
            script.put(p, new ArrayDeque<>());
            injected.put(p, new AtomicInteger());
            forwarded.put(p, new AtomicInteger());
        }
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "faulty-s3-proxy");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** The next requests of {@code phase} get these faults, in order. */
    synchronized FaultyS3Proxy script(Phase phase, Fault... faults) {
        script.get(phase).addAll(List.of(faults));
        return this;
    }

    int injected(Phase phase) {
        return injected.get(phase).get();
    }

    int forwarded(Phase phase) {
        return forwarded.get(phase).get();
    }

    synchronized boolean scriptDone() {
        return script.values().stream().allMatch(Deque::isEmpty);
    }

    private volatile Fault outage;

    /** Until called again with null, every write request (any phase but OTHER) gets {@code fault}. */
    FaultyS3Proxy outage(Fault fault) {
        this.outage = fault;
        return this;
    }

    private synchronized Fault nextFault(Phase phase) {
        Fault scripted = script.get(phase).poll();
        return scripted != null ? scripted : phase == Phase.OTHER ? null : outage;
    }

    static Phase classify(String method, String query) {
        String q = query == null ? "" : query;
        boolean uploads = q.equals("uploads") || q.startsWith("uploads&") || q.contains("&uploads");
        return switch (method) {
            case "PUT" -> q.contains("partNumber=") ? Phase.UPLOAD_PART : q.isEmpty() || !q.contains("=")
                    ? Phase.PUT_OBJECT : Phase.OTHER;
            case "POST" -> uploads ? Phase.CREATE_MULTIPART : q.contains("uploadId=") ? Phase.COMPLETE_MULTIPART
                    : Phase.OTHER;
            default -> Phase.OTHER;
        };
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        Phase phase = classify(method, exchange.getRequestURI().getRawQuery());
        byte[] body = exchange.getRequestBody().readAllBytes();
        Fault fault = nextFault(phase);
        if (fault != null) {
            injected.get(phase).incrementAndGet();
        }
        if (fault == Fault.CONNECTION_RESET) {
            // Throwing makes the JDK server close the connection without writing a status line.
            throw new IOException("injected connection reset");
        }
        if (fault == Fault.INTERNAL_ERROR || fault == Fault.SLOW_DOWN) {
            boolean slow = fault == Fault.SLOW_DOWN;
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
                    + (slow ? "SlowDown" : "InternalError") + "</Code><Message>"
                    + (slow ? "Please reduce your request rate." : "We encountered an internal error. Please try again.")
                    + "</Message><RequestId>fault</RequestId></Error>";
            byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(slow ? 503 : 500, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            return;
        }
        HttpResponse<byte[]> response = forward(exchange, method, body);
        forwarded.get(phase).incrementAndGet();
        if (fault == Fault.RESPONSE_LOST) {
            throw new IOException("injected loss of the response");
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] out = response.body();
        boolean noBody = method.equals("HEAD") || response.statusCode() == 204 || response.statusCode() == 304;
        if (method.equals("HEAD")) {
            response.headers().firstValue("content-length")
                    .ifPresent(v -> exchange.getResponseHeaders().set("Content-Length", v));
        }
        exchange.sendResponseHeaders(response.statusCode(), noBody || out.length == 0 ? -1 : out.length);
        try (OutputStream o = exchange.getResponseBody()) {
            if (!noBody) {
                o.write(out);
            }
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, String method, byte[] body) throws IOException {
        URI uri = target.resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
