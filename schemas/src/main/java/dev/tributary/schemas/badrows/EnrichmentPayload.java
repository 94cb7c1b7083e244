package dev.tributary.schemas.badrows;

import java.util.Objects;

/** Payload of schema_violations and enrichment_failures: how far enrichment got, and what it started from. */
public record EnrichmentPayload(PartiallyEnrichedEvent enriched, RawEvent raw) {

    public EnrichmentPayload {
        Objects.requireNonNull(enriched, "enriched");
        Objects.requireNonNull(raw, "raw");
    }
}
