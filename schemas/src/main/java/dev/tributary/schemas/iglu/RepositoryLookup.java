package dev.tributary.schemas.iglu;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/** What one repository answered for one schema key. */
public sealed interface RepositoryLookup {

    /** The repository holds the schema. */
    record Found(JsonNode schema) implements RepositoryLookup {
        public Found {
            Objects.requireNonNull(schema, "schema");
        }
    }

    /** The repository answered and does not hold the schema. */
    record NotFound() implements RepositoryLookup {
    }

    /** The repository could not be asked (network, I/O) — a later lookup may succeed. */
    record Unreachable(String message) implements RepositoryLookup {
    }

    /** The repository returned something that is not a usable schema (bad JSON, wrong {@code self}). */
    record InvalidSchema(String message) implements RepositoryLookup {
    }
}
