package dev.tributary.schemas.iglu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * A JSON value together with the key of the schema that describes it:
 * {@code {"schema": "iglu:vendor/name/format/version", "data": ...}}.
 */
public record SelfDescribingJson(SchemaKey schema, JsonNode data) {

    static final ObjectMapper MAPPER = new ObjectMapper();

    public SelfDescribingJson {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(data, "data");
    }

    /**
     * Reads {@code {"schema":..., "data":...}}. Throws {@link IgluParseException} with reason
     * INVALID_SCHEMA (no string {@code schema}), INVALID_IGLUURI / INVALID_SCHEMAVER (bad key) or
     * INVALID_DATA_PAYLOAD (no {@code data}).
     */
    public static SelfDescribingJson parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IgluParseException(IgluParseException.Reason.INVALID_SCHEMA,
                    "not self-describing: expected an object with 'schema' and 'data', got "
                            + (json == null ? "nothing" : json.getNodeType().toString().toLowerCase()));
        }
        JsonNode schema = json.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new IgluParseException(IgluParseException.Reason.INVALID_SCHEMA,
                    "not self-describing: 'schema' must be a string Iglu URI");
        }
        SchemaKey key = SchemaKey.parse(schema.textValue());
        JsonNode data = json.get("data");
        if (data == null) {
            throw new IgluParseException(IgluParseException.Reason.INVALID_DATA_PAYLOAD,
                    "not self-describing: 'data' is missing");
        }
        return new SelfDescribingJson(key, data);
    }

    /** Parses text first; unparseable text is reported with reason NOT_JSON. */
    public static SelfDescribingJson parse(String text) {
        JsonNode json;
        try {
            json = MAPPER.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            throw new IgluParseException(IgluParseException.Reason.NOT_JSON,
                    "not JSON: " + e.getOriginalMessage());
        }
        if (json == null || json.isMissingNode()) {
            throw new IgluParseException(IgluParseException.Reason.NOT_JSON, "not JSON: empty input");
        }
        return parse(json);
    }

    public ObjectNode toJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("schema", schema.toUri());
        node.set("data", data);
        return node;
    }

    /** Compact JSON text. */
    @Override
    public String toString() {
        return toJson().toString();
    }
}
