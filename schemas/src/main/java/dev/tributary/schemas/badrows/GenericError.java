package dev.tributary.schemas.badrows;

import dev.tributary.schemas.iglu.SchemaKey;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** generic_error 1-0-0: any component's failure that fits no other type; payload is the event as text. */
public record GenericError(Processor processor, Instant timestamp, List<String> errors, String payload)
        implements BadRow {

    public static final SchemaKey SCHEMA = BadRow.key("generic_error", "1-0-0");

    public GenericError {
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(timestamp, "timestamp");
        errors = List.copyOf(errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a generic error needs at least one error message");
        }
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public SchemaKey schemaKey() {
        return SCHEMA;
    }
}
