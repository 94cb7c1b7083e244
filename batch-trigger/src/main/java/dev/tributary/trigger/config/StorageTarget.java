package dev.tributary.trigger.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A storage target JSON from the targets directory, read only as far as planning needs (name, id, purpose, type,
 * and Redshift's {@code blacklistTabular}). The warehouse-loader validates the rest. {@code json} is the file's
 * content, passed to the loader unchanged; it holds passwords, so it is never logged.
 */
public record StorageTarget(String file, Type type, String name, String id, Purpose purpose,
                            Optional<JsonNode> blacklistTabular, String json) {

    public enum Type {
        REDSHIFT("redshift_config"),
        POSTGRESQL("postgresql_config"),
        DYNAMODB("amazon_dynamodb_config"),
        ELASTICSEARCH("elastic_config");

        private final String schemaName;

        Type(String schemaName) {
            this.schemaName = schemaName;
        }

        public String schemaName() {
            return schemaName;
        }
    }

    public enum Purpose { ENRICHED_EVENTS, DUPLICATE_TRACKING, FAILED_EVENTS }

    /** The targets the rdb_load step loads, one EMR step each. */
    public boolean loadsEvents() {
        return purpose == Purpose.ENRICHED_EVENTS && (type == Type.REDSHIFT || type == Type.POSTGRESQL);
    }

    @Override
    public String toString() {
        return type.schemaName + " " + name + " (" + id + ", " + file + ")";
    }
}
