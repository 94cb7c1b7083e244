package dev.tributary.schemas.iglu;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The outcome of {@link Resolver#validate(SelfDescribingJson)}. */
public sealed interface ValidationResult {

    SchemaKey key();

    default boolean isValid() {
        return this instanceof Valid;
    }

    /** Human summary, for logs and simple error strings. */
    String describe();

    record Valid(SchemaKey key) implements ValidationResult {
        @Override
        public String describe() {
            return key.toUri() + ": valid";
        }
    }

    /** The data does not match the schema; {@code issues} is never empty. */
    record Invalid(SchemaKey key, List<ValidationIssue> issues) implements ValidationResult {
        public Invalid {
            Objects.requireNonNull(key, "key");
            issues = List.copyOf(issues);
        }

        @Override
        public String describe() {
            return key.toUri() + ": " + issues.stream().map(ValidationIssue::toString)
                    .collect(Collectors.joining("; "));
        }
    }

    /** No repository had the schema. */
    record Unresolved(ResolutionError error) implements ValidationResult {
        @Override
        public SchemaKey key() {
            return error.key();
        }

        @Override
        public String describe() {
            return error.message();
        }
    }

    /** The schema was found but cannot be used as a JSON Schema. */
    record InvalidSchema(SchemaKey key, String message) implements ValidationResult {
        @Override
        public String describe() {
            return key.toUri() + ": unusable schema: " + message;
        }
    }
}
