package dev.tributary.enrich.mapping;

import dev.tributary.schemas.avro.EnrichedEvent;
import java.util.List;

/** The event as far as the parameters could be mapped, and every parameter that could not. */
public record MappingResult(EnrichedEvent event, List<AtomicError> errors) {

    public MappingResult {
        errors = List.copyOf(errors);
    }

    public boolean failed() {
        return !errors.isEmpty();
    }
}
