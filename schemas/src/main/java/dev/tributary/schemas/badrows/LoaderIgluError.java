package dev.tributary.schemas.badrows;

import dev.tributary.schemas.iglu.SchemaKey;

import java.util.List;
import java.util.Objects;

/** loader_iglu_error 2-0-1: the shredder/loader could not resolve or apply the schemas of an event. */
public record LoaderIgluError(Processor processor, List<FailureMessage.LoaderIgluMessage> failure,
                              LoaderPayload payload) implements BadRow {

    public static final SchemaKey SCHEMA = BadRow.key("loader_iglu_error", "2-0-1");

    public LoaderIgluError {
        Objects.requireNonNull(processor, "processor");
        failure = List.copyOf(failure);
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public SchemaKey schemaKey() {
        return SCHEMA;
    }
}
