package dev.tributary.collector;

import dev.tributary.collector.config.CollectorConfig;
import dev.tributary.runtime.cli.ServiceDefinition;
import dev.tributary.runtime.cli.ServiceRunner;

/**
 * {@code collector [--config FILE] [--print-config] [--strict-config]}: options, config precedence, logging,
 * signals and exit codes are the service runtime's (see service-runtime/README.md). Monitoring is served on the
 * tracker port, so the runtime's own monitoring server is off.
 */
public final class CollectorMain {

    static final ServiceDefinition<CollectorConfig> DEFINITION = ServiceDefinition
            .builder("collector", CollectorConfig::from, CollectorService::new)
            .description("Snowplow-compatible HTTP collector writing to Kafka")
            .versionOf(CollectorServer.class)
            .withoutMonitoring()
            .build();

    private CollectorMain() {
    }

    public static void main(String[] args) {
        ServiceRunner.main(DEFINITION, args);
    }
}
