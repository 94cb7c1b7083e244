package dev.tributary.enrich.enrichments;

import dev.tributary.schemas.avro.EnrichedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configured enrichments in Snowplow's order. Built once at start-up; {@link #apply} is thread-safe.
 *
 * <p>Placeholder: the loader from a directory of enrichment JSON files and the enrichments themselves arrive with
 * the enrichments work; until then the chain is empty and passes every event through.
 */
public final class EnrichmentChain {

    private final List<Enrichment> enrichments;

    private EnrichmentChain(List<Enrichment> enrichments) {
        this.enrichments = List.copyOf(enrichments);
    }

    /** A chain with no enrichments. */
    public static EnrichmentChain empty() {
        return new EnrichmentChain(List.of());
    }

    /** The enrichments, in the order they run. */
    public List<Enrichment> enrichments() {
        return enrichments;
    }

    /** Runs every enrichment on {@code event} (mutating it) and collects their contexts and failures. */
    public ChainOutcome apply(EnrichedEvent event, EnrichmentContext context) {
        List<dev.tributary.schemas.iglu.SelfDescribingJson> contexts = new ArrayList<>();
        for (Enrichment enrichment : enrichments) {
            try {
                contexts.addAll(enrichment.enrich(event, context).derivedContexts());
            } catch (EnrichmentException e) {
                throw new UnsupportedOperationException("placeholder chain has no failure handling", e);
            }
        }
        return new ChainOutcome(contexts, List.of(), Optional.empty());
    }
}
