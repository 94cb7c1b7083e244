package dev.tributary.schemas.badrows;

import dev.tributary.schemas.iglu.SchemaKey;

import java.util.Objects;

/** loader_parsing_error 2-0-0: a line a loader could not read as an enriched event; payload is the line. */
public record LoaderParsingError(Processor processor, LoaderParsingFailure failure, String payload)
        implements BadRow {

    public static final SchemaKey SCHEMA = BadRow.key("loader_parsing_error", "2-0-0");

    public LoaderParsingError {
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public SchemaKey schemaKey() {
        return SCHEMA;
    }
}
