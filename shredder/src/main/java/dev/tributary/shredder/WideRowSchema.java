package dev.tributary.shredder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.schemas.enriched.EnrichedField;
import dev.tributary.schemas.shredding.AtomicColumns;
import dev.tributary.schemas.shredding.ShreddedType;
import dev.tributary.schemas.shredding.SnakeCase;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spark types for wide rows: the 128 atomic columns typed as their enriched field (string, int, double,
 * boolean, timestamp), then one column per entity type named as Snowplow's wide-row format names them,
 * {@code unstruct_event_<vendor>_<name>_<model>} (a struct) and {@code contexts_<vendor>_<name>_<model>} (an
 * array of structs), typed from the type's Iglu schema:
 * objects with properties are structs (snake_case field names), arrays with {@code items} are arrays, strings
 * with {@code format: date-time} are timestamps, integers longs, numbers doubles, booleans booleans; anything
 * else (unions, untyped, objects without properties) is a string holding the JSON.
 */
public final class WideRowSchema {

    private WideRowSchema() {
    }

    public static DataType atomicType(EnrichedField field) {
        return switch (field.kind()) {
            case STRING, JSON -> DataTypes.StringType;
            case INTEGER -> DataTypes.IntegerType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case TIMESTAMP -> DataTypes.TimestampType;
        };
    }

    /** The wide-row column of an entity type found under {@code prefix} ({@code unstruct_event}/{@code contexts}). */
    public static String columnName(String prefix, ShreddedType type) {
        String vendor = type.vendor().replace('.', '_').replace('-', '_').toLowerCase(java.util.Locale.ROOT);
        return prefix + "_" + vendor + "_" + SnakeCase.of(type.name()) + "_" + type.model();
    }

    /** @param entityColumns column name -> the target schema of its type */
    public static StructType of(Map<String, JsonNode> entityColumns) {
        List<StructField> fields = new ArrayList<>();
        for (EnrichedField field : AtomicColumns.all()) {
            fields.add(DataTypes.createStructField(field.fieldName(), atomicType(field), true));
        }
        entityColumns.forEach((column, schema) -> {
            DataType element = of(schema);
            fields.add(DataTypes.createStructField(column,
                    column.startsWith("contexts_") ? DataTypes.createArrayType(element, true) : element, true));
        });
        return DataTypes.createStructType(fields);
    }

    /** The Spark type of a JSON schema. */
    public static DataType of(JsonNode schema) {
        Set<String> types = nonNullTypes(schema);
        if (types.size() == 1) {
            String type = types.iterator().next();
            switch (type) {
                case "object" -> {
                    if (schema.path("properties").isObject() && !schema.get("properties").isEmpty()) {
                        List<StructField> fields = new ArrayList<>();
                        for (Map.Entry<String, JsonNode> p : schema.get("properties").properties()) {
                            fields.add(DataTypes.createStructField(SnakeCase.of(p.getKey()), of(p.getValue()), true));
                        }
                        return DataTypes.createStructType(fields);
                    }
                    return DataTypes.StringType;
                }
                case "array" -> {
                    return schema.path("items").isObject()
                            ? DataTypes.createArrayType(of(schema.get("items")), true)
                            : DataTypes.StringType;
                }
                case "string" -> {
                    return "date-time".equals(schema.path("format").asText(null))
                            ? DataTypes.TimestampType : DataTypes.StringType;
                }
                case "integer" -> {
                    return DataTypes.LongType;
                }
                case "number" -> {
                    return DataTypes.DoubleType;
                }
                case "boolean" -> {
                    return DataTypes.BooleanType;
                }
                default -> {
                    return DataTypes.StringType;
                }
            }
        }
        if (types.size() == 2 && types.contains("integer") && types.contains("number")) {
            return DataTypes.DoubleType;
        }
        return DataTypes.StringType;
    }

    private static Set<String> nonNullTypes(JsonNode schema) {
        Set<String> types = new java.util.TreeSet<>();
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            types.add(type.textValue());
        } else if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (schema.path("enum").isArray()) {
            schema.get("enum").forEach(v -> types.add(v.isTextual() ? "string" : v.isIntegralNumber() ? "integer"
                    : v.isNumber() ? "number" : v.isBoolean() ? "boolean" : v.isNull() ? "null" : "json"));
        }
        types.remove("null");
        return types;
    }
}
