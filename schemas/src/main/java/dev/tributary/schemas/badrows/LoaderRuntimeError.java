package dev.tributary.schemas.badrows;

import dev.tributary.schemas.iglu.SchemaKey;

import java.util.Objects;

/** loader_runtime_error 1-0-1: an unexpected loader error (message or stack trace) for one event. */
public record LoaderRuntimeError(Processor processor, String failure, LoaderPayload payload) implements BadRow {

    public static final SchemaKey SCHEMA = BadRow.key("loader_runtime_error", "1-0-1");

    public LoaderRuntimeError {
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public SchemaKey schemaKey() {
        return SCHEMA;
    }
}
