package dev.tributary.schemas.shredding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.schemas.iglu.SchemaKey;

import java.util.Objects;

/**
 * One line of a {@code format=json} shredded type:
 * {@code {"schema":"iglu:vendor/name/jsonschema/1-0-0","data":{...},"hierarchy":{...}}}.
 */
public record ShreddedJsonLine(SchemaKey schema, JsonNode data, Hierarchy hierarchy) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ShreddedJsonLine {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(hierarchy, "hierarchy");
    }

    /** Compact JSON on one line (JSON escapes every control character, so no tab or newline can leak). */
    public String toLine() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("schema", schema.toUri());
        node.set("data", data);
        node.set("hierarchy", hierarchy.toJson());
        return node.toString();
    }

    /** Reads a line written by {@link #toLine()}; {@link IllegalArgumentException} when it is not one. */
    public static ShreddedJsonLine parse(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a shredded JSON line: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject() || !node.path("schema").isTextual() || !node.has("data")) {
            throw new IllegalArgumentException("not a shredded JSON line: expected schema, data and hierarchy");
        }
        return new ShreddedJsonLine(SchemaKey.parse(node.get("schema").textValue()), node.get("data"),
                Hierarchy.fromJson(node.path("hierarchy")));
    }
}
