package dev.tributary.schemas.iglu;

import java.time.Instant;
import java.util.Objects;

/** What one repository said when asked for a schema, for the resolver's error report. */
public record LookupAttempt(String repository, Outcome outcome, String message, Instant attemptedAt) {

    public enum Outcome {
        NOT_FOUND, UNREACHABLE, INVALID_SCHEMA
    }

    public LookupAttempt {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(attemptedAt, "attemptedAt");
    }

    @Override
    public String toString() {
        String what = switch (outcome) {
            case NOT_FOUND -> "not found";
            case UNREACHABLE -> "unreachable";
            case INVALID_SCHEMA -> "invalid schema";
        };
        return repository + ": " + what + (message == null || message.isEmpty() ? "" : " (" + message + ")");
    }
}
