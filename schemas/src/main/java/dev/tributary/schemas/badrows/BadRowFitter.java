package dev.tributary.schemas.badrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tributary.schemas.iglu.Resolution;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.ValidationResult;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Makes a bad row valid against its own schema before it is written. Bad rows quote their input, and the bad row
 * schemas cap many quoted strings ({@code maxLength}: 512 characters for a raw parameter value, 256 for a message,
 * ...); hostile input easily exceeds them. Strings longer than the schema allows are cut to the allowed length,
 * following the schema's {@code properties}, {@code items} and combinators. If the row still does not validate
 * (which would be a bug in the row's construction), it is written as a {@code generic_error} row that quotes it.
 */
public final class BadRowFitter {

    private static final int MAX_ERROR = 1024;

    private final Resolver resolver;
    private final Clock clock;

    /** @param resolver a resolver holding the bad row schemas ({@link Resolver#bundled()} does) */
    public BadRowFitter(Resolver resolver, Clock clock) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The self-describing JSON of {@code row}, valid against its schema. */
    public ObjectNode fit(BadRow row) {
        ObjectNode json = row.toJson();
        JsonNode data = json.get("data");
        if (resolver.validate(row.schemaKey(), data).isValid()) {
            return json;
        }
        if (resolver.lookupSchema(row.schemaKey()) instanceof Resolution.Resolved resolved) {
            json.set("data", cut(resolved.schema(), data));
            ValidationResult again = resolver.validate(row.schemaKey(), json.get("data"));
            if (again.isValid()) {
                return json;
            }
            return fallback(row, json, again.describe());
        }
        return fallback(row, json, "schema " + row.schemaKey().toUri() + " not found");
    }

    private ObjectNode fallback(BadRow row, ObjectNode json, String problem) {
        String error = "bad row " + row.schemaKey().name() + " does not validate against its schema: " + problem;
        return new GenericError(row.processor(), clock.instant(),
                List.of(error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR)), json.toString()).toJson();
    }

    /** {@code data} with every string cut to the {@code maxLength} its schema gives it (mutates containers). */
    static JsonNode cut(JsonNode schema, JsonNode data) {
        if (schema == null || !schema.isObject() || data == null) {
            return data;
        }
        JsonNode result = data;
        if (result.isTextual() && schema.path("maxLength").canConvertToInt()) {
            result = cutText(result.textValue(), schema.get("maxLength").intValue());
        }
        if (result instanceof ObjectNode object) {
            JsonNode properties = schema.get("properties");
            JsonNode additional = schema.get("additionalProperties");
            Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode sub = properties != null && properties.has(field.getKey()) ? properties.get(field.getKey())
                        : additional;
                field.setValue(cut(sub, field.getValue()));
            }
        }
        if (result instanceof ArrayNode array && schema.get("items") != null && schema.get("items").isObject()) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, cut(schema.get("items"), array.get(i)));
            }
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode branches = schema.get(combinator);
            if (branches != null && branches.isArray()) {
                for (JsonNode branch : branches) {
                    result = cut(branch, result);
                }
            }
        }
        return result;
    }

    private static JsonNode cutText(String text, int maxLength) {
        // JSON Schema counts code points; never split a surrogate pair.
        if (maxLength < 0 || text.codePointCount(0, text.length()) <= maxLength) {
            return TextNode.valueOf(text);
        }
        return TextNode.valueOf(text.substring(0, text.offsetByCodePoints(0, maxLength)));
    }
}
