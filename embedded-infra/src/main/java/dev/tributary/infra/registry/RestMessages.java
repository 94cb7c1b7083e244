package dev.tributary.infra.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Request and response bodies of the Confluent Schema Registry REST API subset. */
final class RestMessages {

    private RestMessages() {
    }

    /** Body of register, lookup and compatibility requests; {@code references} and other fields are ignored. */
    record SchemaRequest(String schema, String schemaType) {
    }

    record SchemaIdResponse(int id) {
    }

    record SchemaResponse(String schema) {
    }

    record CompatibilityCheckResponse(@JsonProperty("is_compatible") boolean isCompatible) {
    }

    /** Body of {@code PUT /config}; {@code compatibilityLevel} is accepted as a synonym. */
    record ConfigRequest(String compatibility, String compatibilityLevel) {

        String level() {
            return compatibility != null ? compatibility : compatibilityLevel;
        }
    }

    /**
     * Confluent answers GET with {@code compatibilityLevel} and PUT with {@code compatibility}; sending both keeps
     * every client happy, whichever field it reads.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConfigResponse(String compatibility, String compatibilityLevel) {

        static ConfigResponse of(CompatibilityLevel level) {
            return new ConfigResponse(level.name(), level.name());
        }
    }

    record ErrorResponse(@JsonProperty("error_code") int errorCode, String message) {
    }
}
