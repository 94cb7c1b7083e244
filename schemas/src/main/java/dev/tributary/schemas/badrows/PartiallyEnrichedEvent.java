package dev.tributary.schemas.badrows;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The enriched fields set so far when enrichment stopped, by snake_case name (see {@link EnrichedFields}).
 * Values are held as their TSV text; fields whose schema type is a number must parse as one, which is checked
 * here so that a bad row can always be written. Unset fields serialise as null.
 */
public final class PartiallyEnrichedEvent {

    private static final PartiallyEnrichedEvent EMPTY = new PartiallyEnrichedEvent(Map.of());

    private final Map<String, String> values;

    private PartiallyEnrichedEvent(Map<String, String> values) {
        this.values = values;
    }

    public static PartiallyEnrichedEvent empty() {
        return EMPTY;
    }

    /** Copies {@code fields}; null values are dropped. Unknown names or non-numeric numbers are rejected. */
    public static PartiallyEnrichedEvent of(Map<String, String> fields) {
        Map<String, String> checked = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (value != null) {
                checked.put(name, check(name, value));
            } else {
                EnrichedFields.require(name);
            }
        });
        return new PartiallyEnrichedEvent(inTsvOrder(checked));
    }

    /** A copy with {@code field} set ({@code value} null unsets it). */
    public PartiallyEnrichedEvent with(String field, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        if (value == null) {
            EnrichedFields.require(field);
            copy.remove(field);
        } else {
            copy.put(field, check(field, value));
        }
        return new PartiallyEnrichedEvent(inTsvOrder(copy));
    }

    public String get(String field) {
        return values.get(field);
    }

    /** The set fields in TSV order. */
    public Map<String, String> values() {
        return values;
    }

    private static String check(String name, String value) {
        EnrichedFields.Field field = EnrichedFields.require(name);
        try {
            switch (field.partiallyEnrichedType()) {
                case INTEGER -> Long.parseLong(value);
                case NUMBER -> new BigDecimal(value);
                default -> {
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("enriched field " + name + " must be "
                    + field.partiallyEnrichedType().name().toLowerCase() + ", got '" + value + "'");
        }
        return value;
    }

    private static Map<String, String> inTsvOrder(Map<String, String> values) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : EnrichedFields.NAMES) {
            String v = values.get(name);
            if (v != null) {
                ordered.put(name, v);
            }
        }
        return Collections.unmodifiableMap(ordered);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartiallyEnrichedEvent other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "PartiallyEnrichedEvent" + values;
    }
}
