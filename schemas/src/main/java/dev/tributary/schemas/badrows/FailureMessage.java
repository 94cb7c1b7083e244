package dev.tributary.schemas.badrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.schemas.iglu.IgluParseException;
import dev.tributary.schemas.iglu.SchemaCriterion;
import dev.tributary.schemas.iglu.SchemaKey;
import dev.tributary.schemas.iglu.ValidationResult;

import java.util.Map;
import java.util.Objects;

/**
 * The failure messages bad rows carry. Each bad-row type accepts only the messages its schema allows, expressed
 * by the nested sealed interfaces ({@link AdapterMessage}, {@link TrackerProtocolMessage},
 * {@link SchemaViolationMessage}, {@link EnrichmentMessage}, {@link LoaderIgluMessage}).
 */
public sealed interface FailureMessage {

    /** Messages allowed in adapter_failures. */
    sealed interface AdapterMessage extends FailureMessage {
    }

    /** Messages allowed in tracker_protocol_violations. */
    sealed interface TrackerProtocolMessage extends FailureMessage {
    }

    /** Messages allowed in schema_violations. */
    sealed interface SchemaViolationMessage extends FailureMessage {
    }

    /** Messages allowed as the {@code message} of an enrichment_failures entry. */
    sealed interface EnrichmentMessage extends FailureMessage {
    }

    /** Messages allowed in loader_iglu_error. */
    sealed interface LoaderIgluMessage extends FailureMessage {
    }

    /** A field of the input did not meet an expectation; {@code value} may be null. */
    record InputData(String field, String value, String expectation)
            implements AdapterMessage, TrackerProtocolMessage, EnrichmentMessage {
        public InputData {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(expectation, "expectation");
        }
    }

    /** A field that should hold JSON did not parse. */
    record NotJson(String field, String value, String error)
            implements AdapterMessage, TrackerProtocolMessage, SchemaViolationMessage {
        public NotJson {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(error, "error");
        }
    }

    /** JSON that should be self-describing is not; {@code error} is INVALID_SCHEMAVER, INVALID_IGLUURI, ... */
    record NotIglu(JsonNode json, IgluParseException.Reason error)
            implements AdapterMessage, TrackerProtocolMessage, SchemaViolationMessage {
        public NotIglu {
            Objects.requireNonNull(json, "json");
            if (error == null || error == IgluParseException.Reason.NOT_JSON) {
                throw new IllegalArgumentException("NotIglu needs a self-describing error code, got " + error
                        + " (use NotJson for unparseable text)");
            }
        }

        public static NotIglu of(JsonNode json, IgluParseException cause) {
            return new NotIglu(json, cause.reason());
        }
    }

    /** A vendor event type has no Iglu schema in the adapter's mapping. */
    record SchemaMapping(String actual, Map<String, String> expectedMapping, String expectation)
            implements AdapterMessage {
        public SchemaMapping {
            expectedMapping = Map.copyOf(expectedMapping);
            Objects.requireNonNull(expectation, "expectation");
        }
    }

    /** A JSON was rejected by the Iglu client (not found, invalid, unusable schema). */
    record IgluError(SchemaKey schemaKey, IgluClientError error)
            implements TrackerProtocolMessage, SchemaViolationMessage, EnrichmentMessage, LoaderIgluMessage {
        public IgluError {
            Objects.requireNonNull(schemaKey, "schemaKey");
            Objects.requireNonNull(error, "error");
        }

        /** From a failed validation; throws {@link IllegalArgumentException} for a valid one. */
        public static IgluError of(ValidationResult failed) {
            return new IgluError(failed.key(), IgluClientError.from(failed));
        }
    }

    /** A self-describing JSON had a schema other than the one expected at its position. */
    record CriterionMismatch(SchemaKey schemaKey, SchemaCriterion schemaCriterion)
            implements TrackerProtocolMessage, SchemaViolationMessage {
        public CriterionMismatch {
            Objects.requireNonNull(schemaKey, "schemaKey");
            Objects.requireNonNull(schemaCriterion, "schemaCriterion");
        }
    }

    /** An enrichment failed for a reason outside its input, e.g. a connection error. */
    record SimpleError(String error) implements EnrichmentMessage {
        public SimpleError {
            Objects.requireNonNull(error, "error");
        }
    }

    /** A registry returned JSON that is not a JSON Schema. */
    record InvalidSchema(SchemaKey schemaKey, String message) implements LoaderIgluMessage {
        public InvalidSchema {
            Objects.requireNonNull(schemaKey, "schemaKey");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The list of schemas of a model (for shredding) could not be resolved. */
    record SchemaListNotFound(SchemaCriterion schemaCriterion, IgluClientError error) implements LoaderIgluMessage {
        public SchemaListNotFound {
            Objects.requireNonNull(schemaCriterion, "schemaCriterion");
            Objects.requireNonNull(error, "error");
        }
    }

    /** A value does not have the JSON type its schema declares. */
    record WrongType(SchemaKey schemaKey, JsonNode value, String expected) implements LoaderIgluMessage {
        public WrongType {
            Objects.requireNonNull(schemaKey, "schemaKey");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(expected, "expected");
        }
    }

    /** A value expected to be an array is not. */
    record NotAnArray(SchemaKey schemaKey, JsonNode value, String expected) implements LoaderIgluMessage {
        public NotAnArray {
            Objects.requireNonNull(schemaKey, "schemaKey");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(expected, "expected");
        }
    }

    /** A key the schema requires is missing from the value. */
    record MissingInValue(SchemaKey schemaKey, String key, JsonNode value) implements LoaderIgluMessage {
        public MissingInValue {
            Objects.requireNonNull(schemaKey, "schemaKey");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }
}
