package dev.tributary.schemas.badrows;

import dev.tributary.schemas.iglu.LookupAttempt;
import dev.tributary.schemas.iglu.ResolutionError;
import dev.tributary.schemas.iglu.ValidationIssue;
import dev.tributary.schemas.iglu.ValidationResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Why the Iglu client could not accept a JSON: the {@code error} object inside an IgluError message. */
public sealed interface IgluClientError {

    /** No repository supplied the schema; one history entry per repository asked. */
    record ResolutionFailure(List<RepositoryHistory> lookupHistory) implements IgluClientError {
        public ResolutionFailure {
            lookupHistory = List.copyOf(lookupHistory);
        }
    }

    /** The data does not match its schema. */
    record ValidationFailure(List<DataReport> dataReports, String supersededBy) implements IgluClientError {
        public ValidationFailure {
            dataReports = List.copyOf(dataReports);
        }
    }

    /** The schema itself cannot be used. */
    record InvalidSchemaFailure(List<SchemaIssue> schemaIssues, String supersededBy) implements IgluClientError {
        public InvalidSchemaFailure {
            schemaIssues = List.copyOf(schemaIssues);
        }
    }

    /** What happened with one repository. */
    record RepositoryHistory(String repository, List<RepositoryError> errors, int attempts, Instant lastAttempt) {
        public RepositoryHistory {
            Objects.requireNonNull(repository, "repository");
            errors = List.copyOf(errors);
            Objects.requireNonNull(lastAttempt, "lastAttempt");
        }
    }

    /** Snowplow's repository error kinds; {@code message} is null for NOT_FOUND. */
    record RepositoryError(Kind kind, String message) {
        public enum Kind {
            NOT_FOUND("NotFound"), REPO_FAILURE("RepoFailure"), CLIENT_FAILURE("ClientFailure");

            private final String wireName;

            Kind(String wireName) {
                this.wireName = wireName;
            }

            public String wireName() {
                return wireName;
            }
        }

        public RepositoryError {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** One validation problem; {@code targets} may be null. */
    record DataReport(String path, String message, String keyword, List<String> targets) {
        public DataReport {
            Objects.requireNonNull(message, "message");
            targets = targets == null ? null : List.copyOf(targets);
        }
    }

    record SchemaIssue(String path, String message) {
        public SchemaIssue {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Translates a resolver failure into the bad-row vocabulary. */
    static ResolutionFailure from(ResolutionError error) {
        // The resolver reports one attempt per repository; group defensively in case of repeats.
        Map<String, List<LookupAttempt>> byRepository = new LinkedHashMap<>();
        for (LookupAttempt a : error.attempts()) {
            byRepository.computeIfAbsent(a.repository(), r -> new ArrayList<>()).add(a);
        }
        List<RepositoryHistory> history = new ArrayList<>();
        byRepository.forEach((repository, attempts) -> history.add(new RepositoryHistory(repository,
                attempts.stream().map(IgluClientError::repositoryError).toList(), attempts.size(),
                attempts.get(attempts.size() - 1).attemptedAt())));
        return new ResolutionFailure(history);
    }

    /**
     * Translates a failed {@link ValidationResult}; throws {@link IllegalArgumentException} for a valid one,
     * which has nothing to report.
     */
    static IgluClientError from(ValidationResult result) {
        if (result instanceof ValidationResult.Invalid invalid) {
            return new ValidationFailure(invalid.issues().stream().map(IgluClientError::dataReport).toList(), null);
        }
        if (result instanceof ValidationResult.Unresolved unresolved) {
            return from(unresolved.error());
        }
        if (result instanceof ValidationResult.InvalidSchema invalidSchema) {
            return new InvalidSchemaFailure(List.of(new SchemaIssue("$", invalidSchema.message())), null);
        }
        throw new IllegalArgumentException("a valid result is not an error: " + result.describe());
    }

    private static DataReport dataReport(ValidationIssue issue) {
        return new DataReport(issue.path(), issue.message(), issue.keyword(), null);
    }

    private static RepositoryError repositoryError(LookupAttempt attempt) {
        return switch (attempt.outcome()) {
            case NOT_FOUND -> new RepositoryError(RepositoryError.Kind.NOT_FOUND, null);
            case UNREACHABLE -> new RepositoryError(RepositoryError.Kind.REPO_FAILURE, attempt.message());
            case INVALID_SCHEMA -> new RepositoryError(RepositoryError.Kind.CLIENT_FAILURE, attempt.message());
        };
    }
}
