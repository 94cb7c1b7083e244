package dev.tributary.enrich.app;

import dev.tributary.enrich.adapter.AdapterRegistry;
import dev.tributary.enrich.enrichments.EnrichmentChain;
import dev.tributary.enrich.mapping.EventMapper;
import dev.tributary.enrich.processing.EventProcessor;
import dev.tributary.enrich.validation.SelfDescribingValidator;
import dev.tributary.schemas.avro.CollectorPayload;
import dev.tributary.schemas.iglu.Resolver;
import java.time.Clock;
import org.apache.kafka.common.serialization.Deserializer;

/** Wires the processing objects: one place that knows how an {@link EventProcessor} is assembled. */
public final class EnrichPipeline {

    private EnrichPipeline() {
    }

    public static EventProcessor processor(Deserializer<CollectorPayload> deserializer, Resolver resolver,
                                           EnrichmentChain chain, Clock clock) {
        return new EventProcessor(deserializer, new AdapterRegistry(resolver), new EventMapper(Versions.ETL_VERSION),
                new SelfDescribingValidator(resolver), chain, Versions.PROCESSOR, clock);
    }
}
