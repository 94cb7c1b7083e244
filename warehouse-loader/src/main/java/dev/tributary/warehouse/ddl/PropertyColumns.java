package dev.tributary.warehouse.ddl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.schemas.shredding.FlatColumn;
import dev.tributary.schemas.shredding.FlatSchema;
import dev.tributary.schemas.shredding.JsonType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Warehouse types for flattened Iglu properties, following Snowplow's schema-ddl suggestions so the tables
 * match those Snowplow users already have: date-time to TIMESTAMP, uuid to CHAR(36), strings to VARCHAR of
 * their maxLength (or of their longest enum value; 4096 without either), integers to the smallest integer type
 * their minimum/maximum allow (BIGINT without bounds), numbers to DOUBLE PRECISION, booleans to BOOLEAN, and
 * arrays, objects without properties and mixed types to JSON.
 */
public final class PropertyColumns {

    /** schema-ddl's width for a string without maxLength. */
    public static final int DEFAULT_VARCHAR = 4096;

    private static final BigDecimal SMALLINT_MAX = BigDecimal.valueOf(Short.MAX_VALUE);
    private static final BigDecimal SMALLINT_MIN = BigDecimal.valueOf(Short.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);

    private PropertyColumns() {
    }

    public static List<Column> of(FlatSchema flat) {
        return flat.columns().stream().map(PropertyColumns::column).toList();
    }

    public static Column column(FlatColumn c) {
        return new Column(c.columnName(), type(c), c.nullable());
    }

    static SqlType type(FlatColumn c) {
        if (c.jsonValue()) {
            return SqlType.of(SqlType.Kind.JSON);
        }
        Set<JsonType> types = c.nonNullTypes();
        if (c.isOnly(JsonType.BOOLEAN)) {
            return SqlType.of(SqlType.Kind.BOOLEAN);
        }
        if (c.isOnly(JsonType.INTEGER)) {
            return integer(c.minimum(), c.maximum());
        }
        if (types.contains(JsonType.NUMBER) && types.stream().allMatch(t -> t == JsonType.NUMBER || t == JsonType.INTEGER)) {
            return SqlType.of(SqlType.Kind.DOUBLE);
        }
        if (c.isOnly(JsonType.STRING)) {
            return string(c);
        }
        return SqlType.of(SqlType.Kind.JSON);
    }

    private static SqlType string(FlatColumn c) {
        if (c.format() != null) {
            switch (c.format()) {
                case "date-time":
                    return SqlType.of(SqlType.Kind.TIMESTAMP);
                case "date":
                    return SqlType.of(SqlType.Kind.DATE);
                case "uuid":
                    return SqlType.fixedChar(36);
                case "ipv4":
                    return SqlType.varchar(15);
                case "ipv6":
                    return SqlType.varchar(39);
                default:
                    break;
            }
        }
        if (c.enumValues() != null && !c.enumValues().isEmpty()) {
            int longest = c.enumValues().stream().filter(JsonNode::isTextual)
                    .mapToInt(v -> v.textValue().length()).max().orElse(1);
            return SqlType.varchar(Math.max(1, longest));
        }
        if (c.maxLength() != null) {
            if (c.minLength() != null && c.minLength().equals(c.maxLength())) {
                return SqlType.fixedChar(c.maxLength());
            }
            return SqlType.varchar(Math.max(1, c.maxLength()));
        }
        return SqlType.varchar(DEFAULT_VARCHAR);
    }

    private static SqlType integer(BigDecimal min, BigDecimal max) {
        if (min == null || max == null) {
            return SqlType.of(SqlType.Kind.BIGINT);
        }
        if (min.compareTo(SMALLINT_MIN) >= 0 && max.compareTo(SMALLINT_MAX) <= 0) {
            return SqlType.of(SqlType.Kind.SMALLINT);
        }
        if (min.compareTo(INT_MIN) >= 0 && max.compareTo(INT_MAX) <= 0) {
            return SqlType.of(SqlType.Kind.INTEGER);
        }
        return SqlType.of(SqlType.Kind.BIGINT);
    }
}
