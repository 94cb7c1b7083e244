package dev.tributary.enrich.app;

import dev.tributary.enrich.adapter.AdapterRegistry;
import dev.tributary.enrich.config.EnrichConfig;
import dev.tributary.enrich.json.BoundedJsonReader;
import dev.tributary.enrich.output.OutputLimit;
import dev.tributary.enrich.output.RefusedRecords;
import dev.tributary.enrich.processing.RegistryBackoff;
import dev.tributary.enrich.topology.EnrichTopology;
import dev.tributary.enrich.enrichments.EnrichmentChain;
import dev.tributary.enrich.mapping.EventMapper;
import dev.tributary.enrich.processing.EventProcessor;
import dev.tributary.enrich.validation.SelfDescribingValidator;
import dev.tributary.schemas.avro.CollectorPayload;
import dev.tributary.schemas.iglu.Resolver;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Deserializer;

/** Wires the processing objects: one place that knows how an {@link EventProcessor} is assembled. */
public final class EnrichPipeline {

    private EnrichPipeline() {
    }

    public static EventProcessor processor(Deserializer<CollectorPayload> deserializer, Resolver resolver,
                                           EnrichmentChain chain, Clock clock) {
        return processor(deserializer, resolver, chain, clock, BoundedJsonReader.withDefaultDepth());
    }

    public static EventProcessor processor(Deserializer<CollectorPayload> deserializer, Resolver resolver,
                                           EnrichmentChain chain, Clock clock, BoundedJsonReader json) {
        return new EventProcessor(deserializer, new AdapterRegistry(resolver, json),
                new EventMapper(Versions.ETL_VERSION), new SelfDescribingValidator(resolver, json), chain,
                Versions.PROCESSOR, clock);
    }

    /** The safeguards of a topology as configured, sharing {@code refused} with the production handler. */
    public static EnrichTopology.Safeguards safeguards(EnrichConfig config, RefusedRecords refused, Clock clock) {
        return new EnrichTopology.Safeguards(config.limits().outputLimit(),
                RegistryBackoff.sleeping(config.registryRetry().initialBackoff(), config.registryRetry().maxBackoff()),
                refused, Versions.PROCESSOR, clock);
    }

    /** Safeguards with the defaults and no real waiting, for tests and benchmarks of the topology. */
    public static EnrichTopology.Safeguards defaultSafeguards(Clock clock) {
        return new EnrichTopology.Safeguards(OutputLimit.kafkaDefault(),
                new RegistryBackoff(Duration.ofMillis(100), Duration.ofSeconds(5), d -> { }), new RefusedRecords(),
                Versions.PROCESSOR, clock);
    }
}
