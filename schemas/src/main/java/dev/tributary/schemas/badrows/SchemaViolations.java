package dev.tributary.schemas.badrows;

import dev.tributary.schemas.iglu.SchemaKey;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** schema_violations 2-0-1: contexts, unstruct event or atomic fields that fail Iglu validation. */
public record SchemaViolations(Processor processor, Instant timestamp,
                               List<FailureMessage.SchemaViolationMessage> messages, EnrichmentPayload payload)
        implements BadRow {

    public static final SchemaKey SCHEMA = BadRow.key("schema_violations", "2-0-1");

    public SchemaViolations {
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
