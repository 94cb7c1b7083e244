package dev.tributary.shredder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.schemas.enriched.EnrichedField;
import dev.tributary.schemas.shredding.SnakeCase;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts values to the Spark types of {@link WideRowSchema}. A value that does not fit its type (which Iglu
 * validation in enrich should have prevented) becomes null rather than failing the job.
 */
final class WideRowValues {

    private WideRowValues() {
    }

    static Object atomic(EnrichedField field, String text) {
        if (text.isEmpty()) {
            return null;
        }
        return switch (field.kind()) {
            case STRING -> AtomicRow.truncate(text, field.maxLength().orElse(Integer.MAX_VALUE));
            case JSON -> text;
            case INTEGER -> Integer.valueOf(text);
            case DOUBLE -> Double.valueOf(text);
            case BOOLEAN -> text.equals("1") || text.equals("true");
            case TIMESTAMP -> Timestamp.from(EnrichedLine.parseTimestamp(text));
        };
    }

    static Object entity(JsonNode value, DataType type) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (type instanceof StructType struct) {
            if (!value.isObject()) {
                return null;
            }
            Map<String, JsonNode> bySnake = new HashMap<>();
            value.properties().forEach(e -> bySnake.put(SnakeCase.of(e.getKey()), e.getValue()));
            Object[] values = new Object[struct.fields().length];
            int i = 0;
            for (StructField f : struct.fields()) {
                values[i++] = entity(bySnake.get(f.name()), f.dataType());
            }
            return RowFactory.create(values);
        }
        if (type instanceof ArrayType array) {
            if (!value.isArray()) {
                return null;
            }
            List<Object> items = new ArrayList<>(value.size());
            value.forEach(item -> items.add(entity(item, array.elementType())));
            return seq(items);
        }
        if (type == DataTypes.LongType) {
            return value.canConvertToLong() && value.isNumber() ? value.longValue() : null;
        }
        if (type == DataTypes.DoubleType) {
            return value.isNumber() ? value.doubleValue() : null;
        }
        if (type == DataTypes.BooleanType) {
            return value.isBoolean() ? value.booleanValue() : null;
        }
        if (type == DataTypes.TimestampType) {
            return value.isTextual() ? timestamp(value.textValue()) : null;
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    /** Row encoders want a Scala Seq for an ArrayType (Spark 3.5 on Scala 2.12). */
    static scala.collection.Seq<Object> seq(List<Object> items) {
        return scala.collection.JavaConverters.asScalaBuffer(items).toList();
    }

    private static Timestamp timestamp(String text) {
        try {
            return Timestamp.from(Instant.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return Timestamp.from(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
