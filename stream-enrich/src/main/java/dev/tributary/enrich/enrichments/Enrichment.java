package dev.tributary.enrich.enrichments;

import dev.tributary.schemas.avro.EnrichedEvent;

/**
 * One configured enrichment, built from a Snowplow enrichment JSON file. Implementations are immutable and
 * thread-safe: one instance serves every stream thread.
 */
public interface Enrichment {

    /** The enrichment's configuration schema name, e.g. {@code campaign_attribution}; used in failure messages. */
    String name();

    /**
     * Enriches {@code event} in place and returns what it derived.
     *
     * @throws EnrichmentException when the enrichment cannot do its job for this event; the event becomes an
     *         enrichment_failures bad row
     */
    EnrichmentResult enrich(EnrichedEvent event, EnrichmentContext context) throws EnrichmentException;
}
