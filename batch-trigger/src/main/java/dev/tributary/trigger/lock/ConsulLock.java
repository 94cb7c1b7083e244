package dev.tributary.trigger.lock;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code --lock KEY --consul http://host:8500}: the lock is a Consul KV key holding the PID; a non-empty key means
 * held (EmrEtlRunner #3537). Taking it is a check-and-set with {@code ?cas=0} ("create only if absent"), so two
 * runners cannot both win; an existing but empty key (left by hand) is taken over with cas on its ModifyIndex.
 */
public final class ConsulLock implements RunLock {

    private final URI consul;
    private final String key;
    private final long pid;
    private final HttpClient http;

    public ConsulLock(URI consul, String key, long pid) {
        this.consul = URI.create(consul.toString().endsWith("/") ? consul.toString() : consul + "/");
        this.key = key.startsWith("/") ? key.substring(1) : key;
        this.pid = pid;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public void acquire() {
        Current current = read();
        if (current.exists() && !current.value().isEmpty()) {
            throw new LockHeldException("Consul lock " + key + " is held (pid " + current.value() + ")");
        }
        long cas = current.exists() ? current.modifyIndex() : 0;
        if (!put("?cas=" + cas)) {
            // Someone wrote the key between our read and our write.
            throw new LockHeldException("Consul lock " + key + " was taken by another run just now");
        }
    }

    @Override
    public void acquireIgnoringHolder() {
        put("");
    }

    @Override
    public void release() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(kvUri("")).DELETE());
        if (response.statusCode() != 200) {
            throw new LockException("Consul DELETE " + key + " answered " + response.statusCode());
        }
    }

    @Override
    public String describe() {
        return "Consul lock " + key + " at " + consul;
    }

    private record Current(boolean exists, String value, long modifyIndex) {
    }

    /** {@code ?raw} would lose the ModifyIndex; the JSON answer has it and the base64 value. */
    private Current read() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(kvUri("")).GET());
        if (response.statusCode() == 404) {
            return new Current(false, "", 0);
        }
        if (response.statusCode() != 200) {
            throw new LockException("Consul GET " + key + " answered " + response.statusCode());
        }
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path(0);
            String b64 = node.path("Value").isNull() ? "" : node.path("Value").asText("");
            String value = new String(java.util.Base64.getDecoder().decode(b64), StandardCharsets.UTF_8).trim();
            return new Current(true, value, node.path("ModifyIndex").asLong());
        } catch (IOException | IllegalArgumentException e) {
            throw new LockException("Consul GET " + key + " answered something other than a KV entry", e);
        }
    }

    private boolean put(String query) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(kvUri(query))
                .PUT(HttpRequest.BodyPublishers.ofString(Long.toString(pid))));
        if (response.statusCode() != 200) {
            throw new LockException("Consul PUT " + key + " answered " + response.statusCode());
        }
        return response.body().trim().equals("true");
    }

    private URI kvUri(String query) {
        return consul.resolve("v1/kv/" + key + query);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LockException("Consul at " + consul + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockException("interrupted talking to Consul", e);
        }
    }
}
