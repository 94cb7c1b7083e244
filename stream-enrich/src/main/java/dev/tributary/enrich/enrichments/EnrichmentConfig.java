package dev.tributary.enrich.enrichments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tributary.schemas.iglu.SchemaKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One enrichment configuration file, already validated against its Iglu schema. The typed accessors read
 * {@code data.parameters} and fail with an {@link EnrichmentConfigException} naming the file and the field.
 *
 * @param file      the file name, for error messages
 * @param schemaKey the configuration's schema
 * @param data      the {@code data} object: name, vendor, enabled, parameters (and e.g. PII's emitEvent)
 * @param assets    where enrichments fetch their databases from
 */
public record EnrichmentConfig(String file, SchemaKey schemaKey, JsonNode data, AssetStore assets) {

    public EnrichmentConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(schemaKey, "schemaKey");
        Objects.requireNonNull(data, "data");
    }

    /** The {@code name} the file gives the enrichment (falls back to the schema name). */
    public String name() {
        JsonNode name = data.get("name");
        return name != null && name.isTextual() ? name.textValue() : schemaKey.name();
    }

    public boolean enabled() {
        JsonNode enabled = data.get("enabled");
        return enabled == null || enabled.asBoolean(true);
    }

    public JsonNode parameters() {
        JsonNode p = data.get("parameters");
        return p == null ? MissingNode.getInstance() : p;
    }

    /** The node at a dotted path under {@code parameters}; missing or null nodes come back as missing. */
    public JsonNode parameter(String path) {
        JsonNode node = parameters();
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node.isNull() ? MissingNode.getInstance() : node;
    }

    public EnrichmentConfigException error(String path, String problem) {
        return new EnrichmentConfigException(file, path, problem);
    }

    private EnrichmentConfigException expected(String path, String expectation, JsonNode got) {
        return error("parameters." + path, "expected " + expectation + ", got "
                + (got.isMissingNode() ? "nothing" : got.toString()));
    }

    public String requiredString(String path) throws EnrichmentConfigException {
        JsonNode node = parameter(path);
        if (!node.isTextual() || node.textValue().isEmpty()) {
            throw expected(path, "a non-empty string", node);
        }
        return node.textValue();
    }

    public String optionalString(String path, String fallback) throws EnrichmentConfigException {
        JsonNode node = parameter(path);
        if (node.isMissingNode()) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw expected(path, "a string", node);
        }
        return node.textValue();
    }

    public int requiredInt(String path, int min, int max) throws EnrichmentConfigException {
        JsonNode node = parameter(path);
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < min || node.intValue() > max) {
            throw expected(path, "an integer " + min + "-" + max, node);
        }
        return node.intValue();
    }

    public Integer optionalInt(String path, int min, int max) throws EnrichmentConfigException {
        return parameter(path).isMissingNode() ? null : requiredInt(path, min, max);
    }

    public List<String> stringList(String path, boolean required) throws EnrichmentConfigException {
        JsonNode node = parameter(path);
        if (node.isMissingNode() && !required) {
            return List.of();
        }
        if (!node.isArray()) {
            throw expected(path, "an array of strings", node);
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                throw expected(path + "[" + i + "]", "a string", item);
            }
            values.add(item.textValue());
        }
        return List.copyOf(values);
    }

    public Map<String, String> stringMap(String path) throws EnrichmentConfigException {
        JsonNode node = parameter(path);
        if (node.isMissingNode()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw expected(path, "an object of strings", node);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isTextual()) {
                throw expected(path + "." + e.getKey(), "a string", e.getValue());
            }
            values.put(e.getKey(), e.getValue().textValue());
        }
        return values;
    }
}
