package dev.tributary.schemas.shredding;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One column of a flattened schema: a leaf property and the JSON Schema facts a DDL needs.
 *
 * @param path       the property names from the entity's root to the leaf, as they appear in the data
 * @param name       schema-ddl's column name: each path segment snake_cased, joined with {@code .}
 *                   (e.g. {@code geo.lat_long}); this is what the ordering rule sorts on
 * @param columnName the SQL-safe column name: {@link #name} with {@code .} replaced by {@code _}
 * @param types      the declared JSON types, {@link JsonType#NULL} included when the column is nullable; empty
 *                   when the schema declares no type at all (any value)
 * @param required   listed in {@code required} at every level from the root down to this leaf
 * @param nullable   may be empty in a row: not required, or {@code null} allowed by type/enum (here or in a parent)
 * @param maxLength  {@code maxLength}, or null
 * @param minLength  {@code minLength}, or null
 * @param format     {@code format} ({@code date-time}, {@code date}, {@code uuid}, {@code ipv4}, ...), or null
 * @param enumValues the {@code enum} values, or null when there is no enum
 * @param minimum    {@code minimum}, or null
 * @param maximum    {@code maximum}, or null
 * @param jsonValue  the cell holds compact JSON text rather than a scalar: arrays, objects without properties,
 *                   unions of unrelated types and untyped properties (schema-ddl keeps these as one column,
 *                   {@code VARCHAR(65535)} in Redshift)
 */
public record FlatColumn(List<String> path, String name, String columnName, Set<JsonType> types, boolean required,
                         boolean nullable, Integer maxLength, Integer minLength, String format,
                         List<JsonNode> enumValues, BigDecimal minimum, BigDecimal maximum, boolean jsonValue) {

    public FlatColumn {
        path = List.copyOf(path);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(columnName, "columnName");
        types = Set.copyOf(types);
        enumValues = enumValues == null ? null : List.copyOf(enumValues);
    }

    /** The declared types without {@code null}. */
    public Set<JsonType> nonNullTypes() {
        return types.stream().filter(t -> t != JsonType.NULL)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** True when the only non-null type is {@code t}. */
    public boolean isOnly(JsonType t) {
        Set<JsonType> nonNull = nonNullTypes();
        return nonNull.size() == 1 && nonNull.contains(t);
    }
}
