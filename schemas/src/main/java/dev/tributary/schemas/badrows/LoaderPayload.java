package dev.tributary.schemas.badrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An enriched event as loaders report it in loader_iglu_error and loader_runtime_error: typed JSON values by
 * field name (integers, numbers, booleans, ISO-8601 timestamps, contexts as JSON objects), built from the
 * TSV text of the event. Empty TSV fields are left out.
 */
public final class LoaderPayload {

    // Enriched TSV timestamps: "2024-05-01 10:15:30.123" in UTC (milliseconds optional).
    private static final DateTimeFormatter TSV_TIMESTAMP = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd HH:mm:ss[.SSS][.SS][.S]");

    private final Map<String, JsonNode> fields;

    private LoaderPayload(Map<String, JsonNode> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /** From the 131 TSV values in order. */
    public static LoaderPayload fromTsv(List<String> values) {
        if (values.size() != EnrichedFields.COUNT) {
            throw new IllegalArgumentException("expected " + EnrichedFields.COUNT + " enriched fields, got "
                    + values.size());
        }
        Map<String, String> byName = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            byName.put(EnrichedFields.NAMES.get(i), values.get(i));
        }
        return fromFields(byName);
    }

    /**
     * From TSV values by field name. Throws {@link IllegalArgumentException} naming the field when a value
     * does not convert to the field's type.
     */
    public static LoaderPayload fromFields(Map<String, String> values) {
        Map<String, JsonNode> typed = new LinkedHashMap<>();
        for (String name : EnrichedFields.NAMES) {
            String text = values.get(name);
            if (text != null && !text.isEmpty()) {
                typed.put(name, convert(EnrichedFields.require(name), text));
            }
        }
        for (String name : values.keySet()) {
            EnrichedFields.require(name);
        }
        return new LoaderPayload(typed);
    }

    /** The typed fields in TSV order. */
    public Map<String, JsonNode> fields() {
        return fields;
    }

    private static JsonNode convert(EnrichedFields.Field field, String text) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        try {
            return switch (field.loaderType()) {
                case STRING -> json.textNode(text);
                case INTEGER -> json.numberNode(Long.parseLong(text));
                case NUMBER -> json.numberNode(new BigDecimal(text));
                case BOOLEAN -> json.booleanNode(bool(text));
                case TIMESTAMP -> json.textNode(LocalDateTime.parse(text, TSV_TIMESTAMP).toInstant(ZoneOffset.UTC)
                        .toString());
                case JSON -> BadRowJson.MAPPER.readTree(text);
            };
        } catch (NumberFormatException | DateTimeParseException | JsonProcessingException e) {
            throw new IllegalArgumentException("enriched field " + field.name() + " is not a valid "
                    + field.loaderType().name().toLowerCase() + ": '" + text + "'", e);
        }
    }

    private static boolean bool(String text) {
        return switch (text) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new NumberFormatException("expected 0/1");
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoaderPayload other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "LoaderPayload" + fields;
    }
}
