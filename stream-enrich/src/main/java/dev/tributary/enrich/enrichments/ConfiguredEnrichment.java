package dev.tributary.enrich.enrichments;

import dev.tributary.schemas.badrows.EnrichmentFailure;
import dev.tributary.schemas.iglu.SchemaKey;
import java.util.Objects;

/**
 * An enrichment together with the configuration it came from, so that its failures name it in bad rows.
 *
 * @param schemaKey  the configuration file's schema
 * @param identifier the configuration's {@code name}
 */
public record ConfiguredEnrichment(SchemaKey schemaKey, String identifier, Enrichment enrichment) {

    public ConfiguredEnrichment {
        Objects.requireNonNull(schemaKey, "schemaKey");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(enrichment, "enrichment");
    }

    EnrichmentFailure.Enrichment failureIdentity() {
        return new EnrichmentFailure.Enrichment(schemaKey, identifier);
    }
}
