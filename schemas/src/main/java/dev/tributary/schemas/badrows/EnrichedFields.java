package dev.tributary.schemas.badrows;

import dev.tributary.schemas.enriched.EnrichedField;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The 131 fields of Snowplow's enriched event, in TSV order, with the JSON type each field takes in a
 * partially enriched event (schema_violations / enrichment_failures payloads) and in a loader payload
 * (loader_iglu_error / loader_runtime_error), which follow Snowplow's schemas and differ (for instance
 * {@code br_cookies} is an integer in the former and a boolean in the latter).
 */
public final class EnrichedFields {

    /** JSON types the bad-row schemas use for enriched fields. */
    public enum JsonType {
        STRING, INTEGER, NUMBER, BOOLEAN, TIMESTAMP, JSON
    }

    /** One enriched field: 1-based TSV position, snake_case name, and its JSON types. */
    public record Field(int position, String name, JsonType partiallyEnrichedType, JsonType loaderType) {
    }

    // Snowplow's Scala EnrichedEvent types decide the partially-enriched JSON types: flags are 0/1
    // integers, timestamps and most decimals are text, but txn_id is text and the coordinates numbers.
    private static final Set<EnrichedField> TEXT_IN_PARTIAL = EnumSet.of(EnrichedField.TXN_ID);
    private static final Set<EnrichedField> NUMBER_IN_PARTIAL =
            EnumSet.of(EnrichedField.GEO_LATITUDE, EnrichedField.GEO_LONGITUDE);

    /** The fields in TSV order, derived from the atomic field table {@link EnrichedField}. */
    public static final List<Field> FIELDS = EnrichedField.all().stream()
            .map(f -> new Field(f.position() + 1, f.fieldName(), partiallyEnrichedType(f), loaderType(f.kind())))
            .toList();

    private static JsonType partiallyEnrichedType(EnrichedField field) {
        if (TEXT_IN_PARTIAL.contains(field)) {
            return JsonType.STRING;
        }
        if (NUMBER_IN_PARTIAL.contains(field)) {
            return JsonType.NUMBER;
        }
        return switch (field.kind()) {
            case INTEGER, BOOLEAN -> JsonType.INTEGER;
            case STRING, JSON, TIMESTAMP, DOUBLE -> JsonType.STRING;
        };
    }

    private static JsonType loaderType(EnrichedField.Kind kind) {
        return switch (kind) {
            case STRING -> JsonType.STRING;
            case JSON -> JsonType.JSON;
            case INTEGER -> JsonType.INTEGER;
            case DOUBLE -> JsonType.NUMBER;
            case BOOLEAN -> JsonType.BOOLEAN;
            case TIMESTAMP -> JsonType.TIMESTAMP;
        };
    }

    /** Field names in TSV order. */
    public static final List<String> NAMES = FIELDS.stream().map(Field::name).toList();

    private static final Map<String, Field> BY_NAME;

    static {
        Map<String, Field> byName = new LinkedHashMap<>();
        FIELDS.forEach(f -> byName.put(f.name(), f));
        BY_NAME = Map.copyOf(byName);
    }

    public static final int COUNT = EnrichedField.COUNT;

    private EnrichedFields() {
    }

    public static Optional<Field> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    static Field require(String name) {
        Field f = BY_NAME.get(name);
        if (f == null) {
            throw new IllegalArgumentException("'" + name + "' is not an enriched event field");
        }
        return f;
    }
}
