package dev.tributary.schemas.shredding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.schemas.enriched.TsvSafe;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An Iglu JSON schema flattened into ordered warehouse columns, following Snowplow's schema-ddl
 * ({@code FlatSchema.extractProperties}, {@code ShredModelEntry}) so shredded TSV lines up with the tables
 * Snowplow users already have.
 *
 * <p>Rules (as schema-ddl):
 * <ul>
 *   <li>Objects with {@code properties} are descended into; everything else is a leaf column: scalars, arrays,
 *       objects without properties, properties without a {@code type}, and unions of more than one non-null
 *       type (by {@code type} array or by {@code oneOf}). Nothing under {@code items}, {@code oneOf},
 *       {@code patternProperties} or {@code additionalProperties} becomes a column.</li>
 *   <li>A leaf is nullable unless it is required at every level from the root, and its type/enum admit no null.</li>
 *   <li>Columns are ordered non-nullable first, then by dotted snake_case name ({@code sortBy (canBeNull, name)}).</li>
 *   <li>Across the versions of one model ({@link #forModel}), the first version's columns keep their order and
 *       each later version appends the columns it adds, so a row of an older version is a prefix of a newer
 *       one and a table only ever grows at the end.</li>
 * </ul>
 *
 * <p>A schema is {@link ShreddedFormat#TSV tabular} when its root is an object with at least one property; any
 * other schema (root array, root union, an object with no declared properties) would flatten to no columns and
 * lose data, so its entities are shredded as {@link ShreddedFormat#JSON}. Arrays and unions <em>inside</em> a
 * tabular schema do not force JSON: like schema-ddl, they become one column holding compact JSON.
 */
public final class FlatSchema {

    private static final Comparator<FlatColumn> ORDER =
            Comparator.comparing(FlatColumn::nullable).thenComparing(FlatColumn::name);

    private final List<FlatColumn> columns;
    private final String notTabularReason;

    private FlatSchema(List<FlatColumn> columns, String notTabularReason) {
        this.columns = List.copyOf(columns);
        this.notTabularReason = notTabularReason;
    }

    /** Flattens one schema. */
    public static FlatSchema of(JsonNode schema) {
        Objects.requireNonNull(schema, "schema");
        String reason = notTabular(schema);
        if (reason != null) {
            return new FlatSchema(List.of(), reason);
        }
        List<FlatColumn> leaves = new ArrayList<>();
        collect(schema, List.of(), true, false, leaves);
        leaves.sort(ORDER);
        return new FlatSchema(leaves, null);
    }

    /**
     * Flattens the versions of one model, oldest first ({@code 1-0-0, 1-0-1, 1-1-0...}): the first version's
     * columns in rule order, then each later version's new columns in rule order. A column present in several
     * versions takes its facts (length, nullability...) from the latest, because a table must fit them all.
     * The model is tabular only if its latest version is.
     */
    public static FlatSchema forModel(List<JsonNode> schemasOldestFirst) {
        if (schemasOldestFirst.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one schema");
        }
        FlatSchema latest = of(schemasOldestFirst.get(schemasOldestFirst.size() - 1));
        if (!latest.isTabular()) {
            return latest;
        }
        Map<String, FlatColumn> latestByName = new LinkedHashMap<>();
        latest.columns.forEach(c -> latestByName.put(c.name(), c));
        List<FlatColumn> ordered = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode schema : schemasOldestFirst) {
            FlatSchema version = of(schema);
            for (FlatColumn c : version.columns) {
                // A column a later version dropped (not allowed by SchemaVer, but seen in the wild) is kept
                // with its old facts so the positions of older rows stay valid.
                if (seen.add(c.name())) {
                    ordered.add(latestByName.getOrDefault(c.name(), c));
                }
            }
        }
        return new FlatSchema(ordered, null);
    }

    /** The columns in shredded-TSV order; empty when the schema is not tabular. */
    public List<FlatColumn> columns() {
        return columns;
    }

    public boolean isTabular() {
        return notTabularReason == null;
    }

    /** TSV when the schema flattens to columns, JSON otherwise. */
    public ShreddedFormat format() {
        return isTabular() ? ShreddedFormat.TSV : ShreddedFormat.JSON;
    }

    /** Why the schema is shredded as JSON; empty when it is tabular. */
    public Optional<String> notTabularReason() {
        return Optional.ofNullable(notTabularReason);
    }

    /**
     * The TSV cells of one entity, one per column: empty for a missing or null value, strings as they are
     * (made {@link TsvSafe}), booleans {@code 1}/{@code 0} in a boolean column, numbers as written in the JSON,
     * arrays/objects (and any value of a {@link FlatColumn#jsonValue() JSON column}) as compact JSON.
     */
    public List<String> cells(JsonNode data) {
        List<String> cells = new ArrayList<>(columns.size());
        for (FlatColumn column : columns) {
            cells.add(cell(column, at(data, column.path())));
        }
        return cells;
    }

    private static JsonNode at(JsonNode data, List<String> path) {
        JsonNode node = data;
        for (String segment : path) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(segment);
        }
        return node;
    }

    private static String cell(FlatColumn column, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        String text;
        if (value.isTextual()) {
            text = value.textValue();
        } else if (value.isBoolean() && column.isOnly(JsonType.BOOLEAN)) {
            text = value.booleanValue() ? "1" : "0";
        } else if (value.isNumber()) {
            // Plain notation (never 1.0E10), as enriched TSV writes numbers: warehouses load these as numerics.
            text = value.isIntegralNumber() ? value.asText() : value.decimalValue().toPlainString();
        } else {
            text = value.toString();
        }
        String safe = TsvSafe.clean(text);
        return safe == null ? "" : safe;
    }

    private static String notTabular(JsonNode schema) {
        Set<JsonType> rootTypes = declaredTypes(schema);
        if (!rootTypes.contains(JsonType.OBJECT)) {
            return rootTypes.isEmpty() ? "the root declares no type" : "the root is not an object";
        }
        if (isHeterogeneousUnion(schema)) {
            return "the root is a union of several types";
        }
        JsonNode properties = schema.get("properties");
        if (properties == null || !properties.isObject() || properties.isEmpty()) {
            return "the root object declares no properties";
        }
        return null;
    }

    /**
     * Walks {@code schema} at {@code path}. {@code requiredSoFar}: every level down to here is required;
     * {@code parentNullable}: some parent object may itself be null.
     */
    private static void collect(JsonNode schema, List<String> path, boolean requiredSoFar, boolean parentNullable,
                                List<FlatColumn> out) {
        boolean nested = declaredTypes(schema).contains(JsonType.OBJECT) && schema.path("properties").isObject()
                && !isHeterogeneousUnion(schema);
        if (!path.isEmpty() && !nested) {
            out.add(leaf(schema, path, requiredSoFar, parentNullable));
            return;
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        boolean nullableHere = !path.isEmpty() && canBeNull(schema);
        Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> property = fields.next();
            if (!property.getValue().isObject()) {
                continue;
            }
            List<String> child = new ArrayList<>(path);
            child.add(property.getKey());
            collect(property.getValue(), child, requiredSoFar && required.contains(property.getKey()),
                    parentNullable || nullableHere, out);
        }
    }

    private static FlatColumn leaf(JsonNode schema, List<String> path, boolean required, boolean parentNullable) {
        Set<JsonType> types = EnumSet.noneOf(JsonType.class);
        types.addAll(declaredTypes(schema));
        boolean nullable = !required || parentNullable || canBeNull(schema);
        if (nullable) {
            types.add(JsonType.NULL);
        }
        List<String> snake = path.stream().map(SnakeCase::of).toList();
        String name = String.join(".", snake);
        List<JsonNode> enumValues = null;
        if (schema.path("enum").isArray()) {
            enumValues = new ArrayList<>();
            schema.get("enum").forEach(enumValues::add);
        }
        return new FlatColumn(path, name, String.join("_", snake), types, required, nullable,
                intOrNull(schema, "maxLength"), intOrNull(schema, "minLength"), textOrNull(schema, "format"),
                enumValues, decimalOrNull(schema, "minimum"), decimalOrNull(schema, "maximum"),
                holdsJson(types));
    }

    private static boolean holdsJson(Set<JsonType> types) {
        Set<JsonType> nonNull = EnumSet.noneOf(JsonType.class);
        nonNull.addAll(types);
        nonNull.remove(JsonType.NULL);
        if (nonNull.isEmpty() || nonNull.contains(JsonType.OBJECT) || nonNull.contains(JsonType.ARRAY)) {
            return true;
        }
        // integer and number together are still one numeric column; any other mix needs JSON to tell values apart.
        boolean numeric = nonNull.remove(JsonType.INTEGER) | nonNull.remove(JsonType.NUMBER);
        return numeric ? !nonNull.isEmpty() : nonNull.size() > 1;
    }

    /** {@code type} (string or array), else the types of {@code oneOf}/{@code anyOf} branches, else of the enum. */
    static Set<JsonType> declaredTypes(JsonNode schema) {
        Set<JsonType> types = EnumSet.noneOf(JsonType.class);
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            JsonType.fromKeyword(type.textValue()).ifPresent(types::add);
        } else if (type != null && type.isArray()) {
            type.forEach(t -> JsonType.fromKeyword(t.asText()).ifPresent(types::add));
        } else if (schema.path("oneOf").isArray() || schema.path("anyOf").isArray()) {
            JsonNode branches = schema.path("oneOf").isArray() ? schema.get("oneOf") : schema.get("anyOf");
            branches.forEach(b -> types.addAll(declaredTypes(b)));
        } else if (schema.path("enum").isArray()) {
            schema.get("enum").forEach(v -> types.add(typeOf(v)));
        }
        return types;
    }

    private static JsonType typeOf(JsonNode value) {
        if (value.isNull()) {
            return JsonType.NULL;
        }
        if (value.isIntegralNumber()) {
            return JsonType.INTEGER;
        }
        if (value.isNumber()) {
            return JsonType.NUMBER;
        }
        if (value.isBoolean()) {
            return JsonType.BOOLEAN;
        }
        if (value.isArray()) {
            return JsonType.ARRAY;
        }
        return value.isObject() ? JsonType.OBJECT : JsonType.STRING;
    }

    /** schema-ddl's {@code isHeterogeneousUnion}: no type, or more than one non-null type by type or oneOf. */
    static boolean isHeterogeneousUnion(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return true;
        }
        Set<JsonType> types = EnumSet.noneOf(JsonType.class);
        types.addAll(declaredTypes(schema));
        if (schema.path("oneOf").isArray()) {
            schema.get("oneOf").forEach(b -> types.addAll(declaredTypes(b)));
        }
        types.remove(JsonType.NULL);
        // integer is a subtype of number: ["integer","number"] is one numeric type.
        if (types.contains(JsonType.NUMBER)) {
            types.remove(JsonType.INTEGER);
        }
        return types.size() > 1;
    }

    private static boolean canBeNull(JsonNode schema) {
        if (declaredTypes(schema).contains(JsonType.NULL)) {
            return true;
        }
        JsonNode values = schema.get("enum");
        if (values != null && values.isArray()) {
            for (JsonNode v : values) {
                if (v.isNull()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Integer intOrNull(JsonNode schema, String keyword) {
        JsonNode n = schema.get(keyword);
        return n != null && n.canConvertToInt() && n.isNumber() ? n.intValue() : null;
    }

    private static String textOrNull(JsonNode schema, String keyword) {
        JsonNode n = schema.get(keyword);
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    private static BigDecimal decimalOrNull(JsonNode schema, String keyword) {
        JsonNode n = schema.get(keyword);
        return n != null && n.isNumber() ? n.decimalValue() : null;
    }

    @Override
    public String toString() {
        return isTabular() ? "FlatSchema" + columns.stream().map(FlatColumn::name).toList()
                : "FlatSchema(JSON: " + notTabularReason + ")";
    }
}
