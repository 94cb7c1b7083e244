package dev.tributary.schemas.enriched;

import dev.tributary.schemas.avro.EnrichedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between the Avro {@link EnrichedEvent} and Snowplow's enriched TSV line: 131 fields in
 * {@link EnrichedField} order, separated by tabs, no trailing newline.
 *
 * <p>Writing follows Snowplow's enrich: null is the empty string, text is made {@link TsvSafe},
 * flags are 1/0, timestamps are UTC {@code yyyy-MM-dd HH:mm:ss.SSS}. Numbers are written in plain
 * notation (never {@code 1.0E10}) because warehouses load these columns as numerics. Reading is the
 * exact inverse for every line this class writes, and tolerant of timestamps without milliseconds or
 * with an ISO {@code T}, as the Snowplow analytics SDKs are.
 */
public final class EnrichedTsv {

    private static final DateTimeFormatter WRITE_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter READ_TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendLiteral('Z').optionalEnd()
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private EnrichedTsv() {
    }

    /** @return the TSV line for {@code event}, always exactly 131 fields */
    public static String format(EnrichedEvent event) {
        StringBuilder line = new StringBuilder(1024);
        for (EnrichedField field : EnrichedField.all()) {
            if (field.position() > 0) {
                line.append('\t');
            }
            Object value = event.get(field.position());
            if (value != null) {
                appendValue(line, field, value);
            }
        }
        return line.toString();
    }

    /** @throws EnrichedTsvException listing every field that does not parse, or a wrong field count */
    public static EnrichedEvent parse(String line) throws EnrichedTsvException {
        String[] values = line.split("\t", -1);
        if (values.length != EnrichedField.COUNT) {
            throw new EnrichedTsvException(List.of(new EnrichedTsvException.Problem(null, null,
                    "expected " + EnrichedField.COUNT + " tab-separated fields, got " + values.length)));
        }
        EnrichedEvent event = new EnrichedEvent();
        List<EnrichedTsvException.Problem> problems = new ArrayList<>();
        for (EnrichedField field : EnrichedField.all()) {
            String text = values[field.position()];
            if (text.isEmpty()) {
                continue;
            }
            try {
                event.put(field.position(), parseValue(field, text));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                problems.add(new EnrichedTsvException.Problem(field.fieldName(), text,
                        "expected " + describe(field.kind()) + ", got '" + text + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new EnrichedTsvException(problems);
        }
        return event;
    }

    /** Formats a timestamp the way enriched TSV and bad rows carry it. */
    public static String formatTimestamp(Instant instant) {
        return WRITE_TIMESTAMP.format(instant);
    }

    private static void appendValue(StringBuilder line, EnrichedField field, Object value) {
        switch (field.kind()) {
            case STRING, JSON -> {
                String safe = TsvSafe.clean(value.toString());
                if (safe != null) {
                    line.append(safe);
                }
            }
            case INTEGER -> line.append(((Integer) value).intValue());
            case DOUBLE -> line.append(BigDecimal.valueOf((Double) value).toPlainString());
            case BOOLEAN -> line.append(((Boolean) value) ? '1' : '0');
            case TIMESTAMP -> line.append(WRITE_TIMESTAMP.format((Instant) value));
        }
    }

    private static Object parseValue(EnrichedField field, String text) {
        return switch (field.kind()) {
            case STRING, JSON -> text;
            case INTEGER -> Integer.valueOf(text);
            case DOUBLE -> parseDouble(text);
            case BOOLEAN -> parseFlag(text);
            case TIMESTAMP -> READ_TIMESTAMP.parse(text, Instant::from);
        };
    }

    private static Double parseDouble(String text) {
        double value = Double.parseDouble(text);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("not a finite number");
        }
        return value;
    }

    private static Boolean parseFlag(String text) {
        return switch (text) {
            case "1", "true" -> Boolean.TRUE;
            case "0", "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a flag");
        };
    }

    private static String describe(EnrichedField.Kind kind) {
        return switch (kind) {
            case STRING, JSON -> "text";
            case INTEGER -> "an integer";
            case DOUBLE -> "a number";
            case BOOLEAN -> "1 or 0";
            case TIMESTAMP -> "a timestamp yyyy-MM-dd HH:mm:ss.SSS";
        };
    }
}
