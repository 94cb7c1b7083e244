package dev.tributary.schemas.badrows;

import dev.tributary.schemas.iglu.SchemaKey;

import java.util.Objects;

/**
 * One entry of an enrichment_failures row: which enrichment failed (null when the failure is not tied to one,
 * e.g. validation of the enriched event) and why.
 */
public record EnrichmentFailure(Enrichment enrichment, FailureMessage.EnrichmentMessage message) {

    /** Identifies a configured enrichment: its config schema and an instance identifier. */
    public record Enrichment(SchemaKey schemaKey, String identifier) {
        public Enrichment {
            Objects.requireNonNull(schemaKey, "schemaKey");
            Objects.requireNonNull(identifier, "identifier");
        }
    }

    public EnrichmentFailure {
        Objects.requireNonNull(message, "message");
    }
}
