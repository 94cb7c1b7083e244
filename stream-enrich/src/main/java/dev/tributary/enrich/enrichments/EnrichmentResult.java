package dev.tributary.enrich.enrichments;

import dev.tributary.schemas.iglu.SelfDescribingJson;
import java.util.List;

/** What one enrichment derived for one event, besides the fields it set on the event. */
public record EnrichmentResult(List<SelfDescribingJson> derivedContexts) {

    private static final EnrichmentResult NONE = new EnrichmentResult(List.of());

    public EnrichmentResult {
        derivedContexts = List.copyOf(derivedContexts);
    }

    public static EnrichmentResult none() {
        return NONE;
    }

    public static EnrichmentResult of(SelfDescribingJson... contexts) {
        return new EnrichmentResult(List.of(contexts));
    }
}
