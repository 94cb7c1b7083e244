package dev.tributary.enrich;

import dev.tributary.enrich.app.StreamEnrichApp;
import dev.tributary.enrich.config.EnrichConfig;
import dev.tributary.runtime.cli.ServiceDefinition;
import dev.tributary.runtime.cli.ServiceRunner;

/**
 * {@code stream-enrich [--config FILE] [--resolver FILE] [--enrichments DIR] [--print-config] [--strict-config]}:
 * service-runtime's runner (options, exit codes 0/1/2, monitoring, logging, signals); see service-runtime/README.md.
 */
public final class StreamEnrichMain {

    public static final ServiceDefinition<EnrichConfig> DEFINITION = ServiceDefinition
            .builder("stream-enrich", EnrichConfig::from, StreamEnrichApp::create)
            .configRoot(EnrichConfig.ROOT)
            .description("Snowplow-compatible enrichment on Kafka Streams: raw collector payloads to enriched TSV")
            .option("--resolver", "enrich.resolver", "FILE", "Iglu resolver-config JSON file")
            .option("--enrichments", "enrich.enrichments", "DIR", "directory of Snowplow enrichment JSON files")
            .versionOf(StreamEnrichMain.class)
            .build();

    private StreamEnrichMain() {
    }

    public static void main(String[] args) {
        ServiceRunner.main(DEFINITION, args);
    }
}
