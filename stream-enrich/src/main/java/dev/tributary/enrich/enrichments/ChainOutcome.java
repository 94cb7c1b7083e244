package dev.tributary.enrich.enrichments;

import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.badrows.EnrichmentFailure;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import java.util.List;
import java.util.Optional;

/**
 * The result of running every configured enrichment on one event.
 *
 * @param derivedContexts contexts derived by the enrichments, in enrichment order
 * @param failures        one entry per enrichment that failed; non-empty means the event is an
 *                        enrichment_failures bad row
 * @param piiEvent        the pii_transformation event to emit on the pii topic, when the PII enrichment is
 *                        configured with {@code emitEvent} and transformed something
 */
public record ChainOutcome(List<SelfDescribingJson> derivedContexts, List<EnrichmentFailure> failures,
                           Optional<EnrichedEvent> piiEvent) {

    public ChainOutcome {
        derivedContexts = List.copyOf(derivedContexts);
        failures = List.copyOf(failures);
        piiEvent = piiEvent == null ? Optional.empty() : piiEvent;
    }

    public boolean failed() {
        return !failures.isEmpty();
    }
}
