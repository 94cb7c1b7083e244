package dev.tributary.trigger.lock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny server speaking Consul's KV HTTP API ({@code GET/PUT/DELETE /v1/kv/<key>}, {@code ?cas=<index>} with
 * 0 meaning "only if absent", answers {@code true}/{@code false}, entries with base64 values and ModifyIndex).
 */
final class FakeConsul implements AutoCloseable {

    private record Entry(String value, long modifyIndex) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, Entry> kv = new HashMap<>();
    private long index = 10;

    FakeConsul() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/kv/", this::handle);
        server.start();
    }

    URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized String value(String key) {
        Entry e = kv.get(key);
        return e == null ? null : e.value();
    }

    synchronized void put(String key, String value) {
        kv.put(key, new Entry(value, ++index));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String key = exchange.getRequestURI().getPath().substring("/v1/kv/".length());
            String query = exchange.getRequestURI().getQuery();
            int status = 200;
            String body;
            synchronized (this) {
                switch (exchange.getRequestMethod()) {
                    case "GET" -> {
                        Entry e = kv.get(key);
                        if (e == null) {
                            status = 404;
                            body = "";
                        } else {
                            body = JSON.writeValueAsString(List.of(Map.of("Key", key, "Flags", 0,
                                    "Value", Base64.getEncoder().encodeToString(e.value().getBytes(
                                            StandardCharsets.UTF_8)), "CreateIndex", 1, "ModifyIndex",
                                    e.modifyIndex(), "LockIndex", 0)));
                        }
                    }
                    case "PUT" -> {
                        String value = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                        boolean ok = true;
                        if (query != null && query.startsWith("cas=")) {
                            long cas = Long.parseLong(query.substring(4));
                            Entry e = kv.get(key);
                            ok = cas == 0 ? e == null : e != null && e.modifyIndex() == cas;
                        }
                        if (ok) {
                            kv.put(key, new Entry(value, ++index));
                        }
                        body = Boolean.toString(ok);
                    }
                    case "DELETE" -> {
                        kv.remove(key);
                        body = "true";
                    }
                    default -> {
                        status = 405;
                        body = "";
                    }
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
