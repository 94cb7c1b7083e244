package dev.tributary.schemas.badrows;

import dev.tributary.schemas.iglu.SchemaKey;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** enrichment_failures 2-0-1: one or more enrichments failed for an event. */
public record EnrichmentFailures(Processor processor, Instant timestamp, List<EnrichmentFailure> messages,
                                 EnrichmentPayload payload) implements BadRow {

    public static final SchemaKey SCHEMA = BadRow.key("enrichment_failures", "2-0-1");

    public EnrichmentFailures {
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(timestamp, "timestamp");
        messages = List.copyOf(messages);
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public SchemaKey schemaKey() {
        return SCHEMA;
    }
}
