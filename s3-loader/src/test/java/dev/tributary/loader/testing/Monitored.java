package dev.tributary.loader.testing;

import dev.tributary.loader.S3Loader;
import dev.tributary.loader.config.LoaderConfig;
import dev.tributary.runtime.monitoring.HealthRegistry;
import dev.tributary.runtime.monitoring.MonitoringEndpoints;
import dev.tributary.runtime.monitoring.MonitoringServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An in-process loader behind the service runtime's monitoring server on a free loopback port, wired as
 * {@code S3LoaderService} wires it ({@code consumer-loop} liveness check, meters on the served registry), for tests
 * that need {@code /health} with a test's S3 client.
 */
public final class Monitored implements AutoCloseable {

    public final S3Loader loader;
    private final MonitoringServer server;

    private Monitored(S3Loader loader, MonitoringServer server) {
        this.loader = loader;
        this.server = server;
    }

    public static Monitored start(LoaderConfig config, S3Client s3) throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        S3Loader loader = S3Loader.start(config, s3, registry);
        try {
            HealthRegistry health = new HealthRegistry().liveness("consumer-loop", loader::health);
            return new Monitored(loader, MonitoringServer.start("127.0.0.1", 0,
                    new MonitoringEndpoints(registry, health)));
        } catch (IOException | RuntimeException e) {
            loader.close();
            throw e;
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Override
    public void close() {
        server.close();
        loader.close();
    }
}
