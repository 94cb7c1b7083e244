package dev.tributary.schemas.iglu;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/** The outcome of {@link Resolver#lookupSchema(SchemaKey)}. */
public sealed interface Resolution {

    SchemaKey key();

    /** The schema document, from the first repository (in lookup order) that had it. */
    record Resolved(SchemaKey key, JsonNode schema, String repository) implements Resolution {
        public Resolved {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(repository, "repository");
        }
    }

    record Unresolved(ResolutionError error) implements Resolution {
        public Unresolved {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public SchemaKey key() {
            return error.key();
        }
    }
}
