package dev.tributary.schemas.iglu;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A schema no repository could supply, with what every repository tried said, in lookup order. */
public record ResolutionError(SchemaKey key, List<LookupAttempt> attempts) {

    public ResolutionError {
        Objects.requireNonNull(key, "key");
        attempts = List.copyOf(attempts);
    }

    /** True when at least one repository failed to answer, so a later lookup might succeed. */
    public boolean isTransient() {
        return attempts.stream().anyMatch(a -> a.outcome() == LookupAttempt.Outcome.UNREACHABLE);
    }

    public String message() {
        if (attempts.isEmpty()) {
            return "schema " + key.toUri() + " not found: no repository configured";
        }
        return "schema " + key.toUri() + " not found; tried "
                + attempts.stream().map(LookupAttempt::toString).collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return message();
    }
}
