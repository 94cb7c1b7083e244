package dev.tributary.infra.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * The JSON layout of records in the schemas topic. It follows Confluent's {@code _schemas} layout: the key names
 * the entity (so compaction keeps the last value per subject-version or config), the value holds its content.
 */
final class StoreCodec {

    private static final String SCHEMA = "SCHEMA";
    private static final String CONFIG = "CONFIG";

    private final ObjectMapper json;

    StoreCodec(ObjectMapper json) {
        this.json = json;
    }

    String schemaKey(RegisteredSchema schema) {
        ObjectNode key = json.createObjectNode();
        key.put("keytype", SCHEMA);
        key.put("subject", schema.subject());
        key.put("version", schema.version());
        key.put("magic", 1);
        return write(key);
    }

    String schemaValue(RegisteredSchema schema) {
        ObjectNode value = json.createObjectNode();
        value.put("subject", schema.subject());
        value.put("version", schema.version());
        value.put("id", schema.id());
        value.put("schemaType", AvroSchema.TYPE);
        value.put("schema", schema.schema());
        value.put("deleted", false);
        return write(value);
    }

    /** Key of the global config when {@code subject} is empty. */
    String configKey(Optional<String> subject) {
        ObjectNode key = json.createObjectNode();
        key.put("keytype", CONFIG);
        if (subject.isPresent()) {
            key.put("subject", subject.get());
        } else {
            key.putNull("subject");
        }
        key.put("magic", 0);
        return write(key);
    }

    String configValue(CompatibilityLevel level) {
        ObjectNode value = json.createObjectNode();
        value.put("compatibilityLevel", level.name());
        return write(value);
    }

    StoreEvent decode(String key, String value) {
        try {
            JsonNode keyNode = json.readTree(key);
            String keyType = keyNode.path("keytype").asText();
            Optional<String> subject = Optional.ofNullable(keyNode.get("subject"))
                .filter(node -> !node.isNull())
                .map(JsonNode::asText);
            if (value == null) {
                return new StoreEvent.Ignored("tombstone for " + key);
            }
            JsonNode valueNode = json.readTree(value);
            if (SCHEMA.equals(keyType)) {
                if (valueNode.path("deleted").asBoolean(false)) {
                    return new StoreEvent.Ignored("soft-deleted " + key);
                }
                return new StoreEvent.SchemaRegistered(new RegisteredSchema(
                    valueNode.path("subject").asText(),
                    valueNode.path("version").asInt(),
                    valueNode.path("id").asInt(),
                    valueNode.path("schema").asText()));
            }
            if (CONFIG.equals(keyType)) {
                return new StoreEvent.CompatibilityConfigured(subject,
                    CompatibilityLevel.parse(valueNode.path("compatibilityLevel").asText()));
            }
            return new StoreEvent.Ignored("unknown key type " + keyType);
        } catch (JsonProcessingException | RegistryException e) {
            return new StoreEvent.Ignored("unreadable record " + key + ": " + e.getMessage());
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + node, e);
        }
    }
}
