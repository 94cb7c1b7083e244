package dev.tributary.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How each kind of component is asked whether it works: through the same protocol its clients use, with a short
 * timeout, so a hung server shows as down instead of hanging the health endpoint.
 */
final class HealthChecks {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private HealthChecks() {
    }

    /** 2xx from {@code url} (a service's own /health, or any read-only resource). */
    static HealthCheck http(String url) {
        return () -> {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2 ? null
                    : "GET " + url + " answered " + response.statusCode() + ": " + firstLine(response.body());
        };
    }

    /** The bucket the loaders write to exists and answers. */
    static HealthCheck s3(S3Client s3, String bucket) {
        return () -> {
            s3.headBucket(b -> b.bucket(bucket));
            return null;
        };
    }

    static HealthCheck postgres(String jdbcUrl, String user, String password) {
        return () -> {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
                return connection.isValid((int) TIMEOUT.toSeconds()) ? null : "connection not valid";
            }
        };
    }

    /** The broker answers metadata requests (one admin client, kept for the life of the stack). */
    static final class Kafka implements HealthCheck, AutoCloseable {

        private final Admin admin;

        Kafka(String bootstrapServers) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()));
        }

        @Override
        public String unhealthyReason() throws Exception {
            int nodes = admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            return nodes > 0 ? null : "no broker in the cluster";
        }

        @Override
        public void close() {
            admin.close(Duration.ofSeconds(5));
        }
    }

    private static String firstLine(String body) {
        String text = body == null ? "" : body.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
