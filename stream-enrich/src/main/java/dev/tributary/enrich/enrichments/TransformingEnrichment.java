package dev.tributary.enrich.enrichments;

import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import java.util.List;
import java.util.Optional;

/**
 * An enrichment that rewrites what earlier enrichments derived and may emit a second event: the PII
 * pseudonymiser, which hashes fields of the derived contexts too and emits the pii_transformation event.
 * {@link EnrichmentChain} calls {@link #transform} instead of {@link #enrich}.
 */
public interface TransformingEnrichment extends Enrichment {

    /** The rewritten derived contexts and the event to emit on the pii output, if any. */
    record Transformation(List<SelfDescribingJson> derivedContexts, Optional<EnrichedEvent> emittedEvent) {
        public Transformation {
            derivedContexts = List.copyOf(derivedContexts);
            emittedEvent = emittedEvent == null ? Optional.empty() : emittedEvent;
        }
    }

    /**
     * Transforms {@code event} in place and the contexts derived so far.
     *
     * @throws EnrichmentException when the event cannot be transformed; the event becomes a bad row
     */
    Transformation transform(EnrichedEvent event, EnrichmentContext context, List<SelfDescribingJson> derivedContexts)
            throws EnrichmentException;

    @Override
    default EnrichmentResult enrich(EnrichedEvent event, EnrichmentContext context) throws EnrichmentException {
        transform(event, context, List.of());
        return EnrichmentResult.none();
    }
}
