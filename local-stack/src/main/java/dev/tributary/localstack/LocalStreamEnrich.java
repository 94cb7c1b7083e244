package dev.tributary.localstack;

import dev.tributary.enrich.app.StreamEnrichApp;
import dev.tributary.enrich.config.EnrichConfig;
import dev.tributary.enrich.enrichments.DefaultEnrichments;
import dev.tributary.infra.kafka.EmbeddedKafka;
import dev.tributary.infra.net.BindAddress;
import dev.tributary.infra.net.OwnerOnlyDirectories;
import dev.tributary.infra.registry.SchemaRegistryServer;
import dev.tributary.runtime.config.ConfigLoader;
import dev.tributary.runtime.config.LoadedConfig;
import dev.tributary.runtime.monitoring.HealthRegistry;
import dev.tributary.runtime.monitoring.MonitoringEndpoints;
import dev.tributary.runtime.monitoring.MonitoringServer;
import dev.tributary.runtime.monitoring.MonitoringSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * stream-enrich wired to the embedded broker and registry: topics raw, enriched, bad and pii (3 partitions each),
 * Kafka Streams state under the data directory. The config goes through stream-enrich's own path (service-runtime's
 * {@code ConfigLoader}: reference.conf, the shell's {@code TRIBUTARY_STREAM_ENRICH_*} variables, then the stack's
 * wiring as overrides, unknown keys refused), so {@code TRIBUTARY_STREAM_ENRICH_RESOLVER} names an Iglu resolver
 * file as it does for the service. The runtime's {@code /health}, {@code /ready} and {@code /metrics} are served on
 * the stack's {@code --enrich-port} and bind address. Enrichments: {@code TRIBUTARY_STREAM_ENRICH_ENRICHMENTS} names
 * a directory; without it the default set is copied to {@code <data-dir>/stream-enrich/enrichments} on first start
 * and read from there. Downloaded enrichment assets are cached under the state directory.
 */
final class LocalStreamEnrich {

    static final List<String> TOPICS = List.of("raw", "enriched", "bad", "pii");
    static final int PARTITIONS = 3;
    static final String SERVICE = "stream-enrich";

    private LocalStreamEnrich() {
    }

    /** The enrichment app and its monitoring server, closed together. */
    record Running(StreamEnrichApp app, MonitoringServer monitoring) implements AutoCloseable {
        @Override
        public void close() {
            app.close();
            monitoring.close();
        }
    }

    static Running start(EmbeddedKafka kafka, SchemaRegistryServer registry, Path enrichDir,
                         BindAddress bindAddress, int httpPort) {
        TOPICS.forEach(topic -> kafka.createTopic(topic, PARTITIONS));
        OwnerOnlyDirectories.create(enrichDir);
        Map<String, String> environment = System.getenv();
        Map<String, Object> overrides = new HashMap<>(Map.of(
                "enrich.bootstrap-servers", kafka.bootstrapServers(),
                "enrich.schema-registry-url", registry.url(),
                "enrich.output.pii-topic", "pii",
                "enrich.monitoring.host", bindAddress.toString(),
                "enrich.monitoring.port", httpPort,
                "enrich.streams.state-dir", enrichDir.toString()));
        if (environment.get("TRIBUTARY_STREAM_ENRICH_ENRICHMENTS") == null) {
            // First start: the shipped default enrichments, copied once so that users can edit them in place.
            Path directory = DefaultEnrichments.ensureIn(enrichDir.resolve("enrichments"));
            overrides.put("enrich.enrichments", directory.toString());
        }
        LoadedConfig loaded = ConfigLoader.forService(SERVICE, EnrichConfig.ROOT).environment(environment)
                .overrides(overrides).load().requireKnownKeys();
        EnrichConfig config = EnrichConfig.from(loaded.typed());
        MonitoringSettings monitoring = MonitoringSettings.read(loaded.typed().at("monitoring"));

        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HealthRegistry health = new HealthRegistry();
        StreamEnrichApp app = StreamEnrichApp.start(config, meters, health);
        try {
            return new Running(app, MonitoringServer.start(monitoring, new MonitoringEndpoints(meters, health)));
        } catch (IOException e) {
            app.close();
            throw new UncheckedIOException("stream-enrich monitoring on " + monitoring.host() + ":"
                    + monitoring.port() + ": " + e.getMessage(), e);
        }
    }

    /** stream-enrich's liveness: the address the stack lists. */
    static String healthUrl(Running enrich, BindAddress bindAddress) {
        return "http://" + bindAddress.clientHost() + ":" + enrich.monitoring().port() + "/health";
    }

    /** stream-enrich's readiness (streams running or rebalancing, schema registry reachable): what the stack checks. */
    static String readyUrl(Running enrich, BindAddress bindAddress) {
        return "http://" + bindAddress.clientHost() + ":" + enrich.monitoring().port() + "/ready";
    }
}
