package dev.tributary.localstack;

import com.typesafe.config.ConfigFactory;
import dev.tributary.enrich.app.StreamEnrichApp;
import dev.tributary.enrich.config.EnrichConfig;
import dev.tributary.infra.kafka.EmbeddedKafka;
import dev.tributary.infra.net.BindAddress;
import dev.tributary.infra.net.OwnerOnlyDirectories;
import dev.tributary.infra.registry.SchemaRegistryServer;
import dev.tributary.enrich.enrichments.DefaultEnrichments;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * stream-enrich wired to the embedded broker and registry: topics raw, enriched, bad and pii (3 partitions each),
 * Kafka Streams state under the data directory. Everything else comes from stream-enrich's reference.conf and its
 * ENRICH_* environment variables (ENRICH_RESOLVER for an Iglu resolver file, ...). The /health and /metrics port is
 * the stack's {@code --enrich-port}, on the stack's bind address (loopback by default, where stream-enrich's own
 * default is every interface). Downloaded enrichment assets are cached under the state directory. Enrichments: ENRICH_ENRICHMENTS names a directory; without it the default set is copied
 * to {@code <data-dir>/stream-enrich/enrichments} on first start and read from there.
 */
final class LocalStreamEnrich {

    static final List<String> TOPICS = List.of("raw", "enriched", "bad", "pii");
    static final int PARTITIONS = 3;

    private LocalStreamEnrich() {
    }

    static StreamEnrichApp start(EmbeddedKafka kafka, SchemaRegistryServer registry, Path enrichDir,
                                 BindAddress bindAddress, int httpPort) {
        TOPICS.forEach(topic -> kafka.createTopic(topic, PARTITIONS));
        OwnerOnlyDirectories.create(enrichDir);
        Map<String, Object> settings = new HashMap<>(Map.of(
                "enrich.bootstrap-servers", kafka.bootstrapServers(),
                "enrich.schema-registry-url", registry.url(),
                "enrich.output.pii-topic", "pii",
                "enrich.http.host", bindAddress.toString(),
                "enrich.http.port", httpPort,
                "enrich.streams.state-dir", enrichDir.toString()));
        if (System.getenv("ENRICH_ENRICHMENTS") == null) {
            // First start: the shipped default enrichments, copied once so that users can edit them in place.
            Path directory = DefaultEnrichments.ensureIn(enrichDir.resolve("enrichments"));
            settings.put("enrich.enrichments", directory.toString());
        }
        return StreamEnrichApp.start(EnrichConfig.from(ConfigFactory.parseMap(settings)));
    }

    static String healthUrl(StreamEnrichApp app, BindAddress bindAddress) {
        return "http://" + bindAddress.clientHost() + ":" + app.httpPort() + "/health";
    }
}
