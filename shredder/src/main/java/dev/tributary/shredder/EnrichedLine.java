package dev.tributary.shredder;

import dev.tributary.schemas.badrows.LoaderParsingError;
import dev.tributary.schemas.badrows.LoaderParsingFailure;
import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.enriched.EnrichedField;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One line of enriched TSV read as an event: exactly 131 fields, each of the type its {@link EnrichedField}
 * says, with an event_id (a UUID) and a collector_tstamp, which shredding needs to tie entities to their event.
 * Anything else is a {@code loader_parsing_error} naming every bad field: a bad line never fails the job.
 *
 * <p>The JSON fields (contexts, unstruct_event, derived_contexts) are checked later, when they are shredded.
 */
public final class EnrichedLine implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Reading is tolerant like the analytics SDKs: {@code T} or space, 0 to 9 fraction digits, optional Z. */
    static final DateTimeFormatter READ_TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendLiteral('Z').optionalEnd()
            .toFormatter();

    static final DateTimeFormatter WRITE_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final String[] fields;

    private EnrichedLine(String[] fields) {
        this.fields = fields;
    }

    /** The outcome of reading a line: an event or the bad row saying why not. */
    public sealed interface Parsed permits Good, Bad {
    }

    public record Good(EnrichedLine event) implements Parsed {
    }

    public record Bad(LoaderParsingError badRow) implements Parsed {
    }

    public static Parsed parse(String line, Processor processor) {
        String[] values = line.split("\t", -1);
        if (values.length != EnrichedField.COUNT) {
            LoaderParsingFailure failure = values.length == 1
                    ? new LoaderParsingFailure.NotTsv()
                    : new LoaderParsingFailure.FieldNumberMismatch(values.length);
            return new Bad(new LoaderParsingError(processor, failure, line));
        }
        List<LoaderParsingFailure.DecodingIssue> issues = new ArrayList<>();
        for (EnrichedField field : EnrichedField.all()) {
            String text = values[field.position()];
            if (text.isEmpty()) {
                if (field == EnrichedField.EVENT_ID || field == EnrichedField.COLLECTOR_TSTAMP) {
                    issues.add(new LoaderParsingFailure.InvalidValue(field.fieldName(), text,
                            "Field " + field.fieldName() + " cannot be empty"));
                }
                continue;
            }
            String problem = check(field, text);
            if (problem != null) {
                issues.add(new LoaderParsingFailure.InvalidValue(field.fieldName(), text, problem));
            }
        }
        if (!issues.isEmpty()) {
            return new Bad(new LoaderParsingError(processor, new LoaderParsingFailure.RowDecodingError(issues), line));
        }
        return new Good(new EnrichedLine(values));
    }

    private static String check(EnrichedField field, String text) {
        try {
            switch (field.kind()) {
                case INTEGER -> Integer.parseInt(text);
                case DOUBLE -> {
                    double d = Double.parseDouble(text);
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        return "Cannot parse key " + field.fieldName() + " into a finite number";
                    }
                }
                case BOOLEAN -> {
                    if (!text.equals("0") && !text.equals("1") && !text.equals("true") && !text.equals("false")) {
                        return "Cannot parse key " + field.fieldName() + " into a boolean";
                    }
                }
                case TIMESTAMP -> parseTimestamp(text);
                case STRING, JSON -> {
                    if (field == EnrichedField.EVENT_ID) {
                        UUID.fromString(text);
                        if (text.length() != 36) {
                            return "Cannot parse key event_id into a UUID";
                        }
                    }
                }
            }
            return null;
        } catch (NumberFormatException e) {
            return "Cannot parse key " + field.fieldName() + " into a number";
        } catch (DateTimeParseException e) {
            return "Cannot parse key " + field.fieldName() + " into a timestamp";
        } catch (IllegalArgumentException e) {
            return "Cannot parse key " + field.fieldName() + " into a UUID";
        }
    }

    static Instant parseTimestamp(String text) {
        return LocalDateTime.parse(text, READ_TIMESTAMP).toInstant(ZoneOffset.UTC);
    }

    /** {@code yyyy-MM-dd HH:mm:ss.SSS}, the one timestamp shape shredded output uses. */
    static String formatTimestamp(String text) {
        return LocalDateTime.parse(text, READ_TIMESTAMP).format(WRITE_TIMESTAMP);
    }

    /** The raw TSV text of {@code field} (empty for null). */
    public String get(EnrichedField field) {
        return fields[field.position()];
    }

    public String eventId() {
        return get(EnrichedField.EVENT_ID);
    }

    /** The fingerprint, or null when the event has none (such events are never collapsed). */
    public String fingerprint() {
        String fp = get(EnrichedField.EVENT_FINGERPRINT);
        return fp.isEmpty() ? null : fp;
    }

    public Instant collectorTstamp() {
        return parseTimestamp(get(EnrichedField.COLLECTOR_TSTAMP));
    }

    /** The 131 values with timestamps in the one shape bad-row payloads read ({@code yyyy-MM-dd HH:mm:ss.SSS}). */
    public List<String> normalizedValues() {
        String[] copy = fields.clone();
        for (EnrichedField field : EnrichedField.all()) {
            if (field.kind() == EnrichedField.Kind.TIMESTAMP && !copy[field.position()].isEmpty()) {
                copy[field.position()] = formatTimestamp(copy[field.position()]);
            }
        }
        return List.of(copy);
    }

    /** The 131 values, for bad-row payloads. */
    public List<String> values() {
        return List.of(fields);
    }
}
