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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One line of enriched TSV read as an event: exactly 131 fields, each of the type its {@link EnrichedField}
 * says, with an event_id (a UUID) and a collector_tstamp, which shredding needs to tie entities to their event,
 * and v_collector and v_etl, which atomic.events requires.
 * Anything else is a {@code loader_parsing_error} naming every bad field: a bad line never fails the job.
 *
 * <p>The JSON fields (contexts, unstruct_event, derived_contexts) are checked later, when they are shredded.
 */
public final class EnrichedLine implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Reading is tolerant like the analytics SDKs: {@code T} or space, 0 to 9 fraction digits, optional Z. */
    static final DateTimeFormatter WRITE_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final String line;
    /** Field i is {@code line.substring(bounds[i], bounds[i + 1] - 1)}; no substring is made until asked for. */
    private final int[] bounds;

    private EnrichedLine(String line, int[] bounds) {
        this.line = line;
        this.bounds = bounds;
    }

    /** The outcome of reading a line: an event or the bad row saying why not. */
    public sealed interface Parsed permits Good, Bad {
    }

    public record Good(EnrichedLine event) implements Parsed {
    }

    public record Bad(LoaderParsingError badRow) implements Parsed {
    }

    public static Parsed parse(String line, Processor processor) {
        // One pass over the tabs; only the typed fields (a quarter of them, mostly empty) are looked at further.
        int[] bounds = new int[EnrichedField.COUNT + 1];
        int fields = 0;
        int from = 0;
        while (true) {
            int tab = line.indexOf('\t', from);
            if (fields < EnrichedField.COUNT) {
                bounds[fields] = from;
            }
            fields++;
            if (tab < 0) {
                break;
            }
            from = tab + 1;
        }
        if (fields != EnrichedField.COUNT) {
            LoaderParsingFailure failure = fields == 1
                    ? new LoaderParsingFailure.NotTsv()
                    : new LoaderParsingFailure.FieldNumberMismatch(fields);
            return new Bad(new LoaderParsingError(processor, failure, line));
        }
        bounds[EnrichedField.COUNT] = line.length() + 1;
        EnrichedLine event = new EnrichedLine(line, bounds);
        List<LoaderParsingFailure.DecodingIssue> issues = null;
        for (EnrichedField field : CHECKED) {
            if (event.isEmpty(field)) {
                if (REQUIRED.contains(field)) {
                    issues = add(issues, new LoaderParsingFailure.InvalidValue(field.fieldName(), "",
                            "Field " + field.fieldName() + " cannot be empty"));
                }
                continue;
            }
            String text = event.get(field);
            String problem = check(field, text);
            if (problem != null) {
                issues = add(issues, new LoaderParsingFailure.InvalidValue(field.fieldName(), text, problem));
            }
        }
        if (issues != null) {
            return new Bad(new LoaderParsingError(processor, new LoaderParsingFailure.RowDecodingError(issues), line));
        }
        return new Good(event);
    }

    /**
     * Never empty, as in Snowplow's analytics SDK (whose Event has no Option for them) and NOT NULL in
     * atomic.events: an event without them could not be loaded.
     */
    private static final java.util.Set<EnrichedField> REQUIRED = java.util.EnumSet.of(EnrichedField.EVENT_ID,
            EnrichedField.COLLECTOR_TSTAMP, EnrichedField.V_COLLECTOR, EnrichedField.V_ETL);

    /** The fields to look at: every non-string field (its text must parse) and the required ones. */
    private static final List<EnrichedField> CHECKED = EnrichedField.all().stream()
            .filter(f -> REQUIRED.contains(f) || (f.kind() != EnrichedField.Kind.STRING
                    && f.kind() != EnrichedField.Kind.JSON))
            .toList();

    private static List<LoaderParsingFailure.DecodingIssue> add(List<LoaderParsingFailure.DecodingIssue> issues,
                                                               LoaderParsingFailure.DecodingIssue issue) {
        List<LoaderParsingFailure.DecodingIssue> list = issues == null ? new ArrayList<>() : issues;
        list.add(issue);
        return list;
    }

    private static String check(EnrichedField field, String text) {
        try {
            switch (field.kind()) {
                case INTEGER -> Integer.parseInt(text);
                case DOUBLE -> {
                    if (isPlainDecimal(text)) {
                        return null; // what enrich writes; Double.parseDouble is costly per field per event
                    }
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

    /** {@code -?digits[.digits]}: always a finite double. */
    static boolean isPlainDecimal(String t) {
        int i = t.startsWith("-") ? 1 : 0;
        int digits = 0;
        boolean dot = false;
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot && digits > 0) {
                dot = true;
            } else {
                return false;
            }
        }
        return digits > 0 && t.charAt(t.length() - 1) != '.' && digits <= 300;
    }

    static Instant parseTimestamp(String text) {
        return localDateTime(text).toInstant(ZoneOffset.UTC);
    }

    /** {@code yyyy-MM-dd HH:mm:ss.SSS}, the one timestamp shape shredded output uses. */
    static String formatTimestamp(String text) {
        LocalDateTime parsed = localDateTime(text);
        // What enrich writes is already in that shape: keep it rather than format it again.
        return isCanonical(text) ? text : parsed.format(WRITE_TIMESTAMP);
    }

    /**
     * Parses {@code yyyy-MM-dd[ |T]HH:mm:ss[.f{1,9}][Z]} by hand: this runs for several fields of every event,
     * and a DateTimeFormatter with optional sections costs microseconds per call.
     */
    private static LocalDateTime localDateTime(String t) {
        int n = t.length();
        if (n < 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || (t.charAt(10) != ' ' && t.charAt(10) != 'T')
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            throw new DateTimeParseException("not a timestamp", t, 0);
        }
        int end = t.charAt(n - 1) == 'Z' ? n - 1 : n;
        int nanos = 0;
        if (end > 19) {
            int digits = end - 20;
            if (t.charAt(19) != '.' || digits < 1 || digits > 9) {
                throw new DateTimeParseException("not a timestamp", t, 19);
            }
            nanos = number(t, 20, digits);
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        } else if (end != 19) {
            throw new DateTimeParseException("not a timestamp", t, 19);
        }
        try {
            return LocalDateTime.of(number(t, 0, 4), number(t, 5, 2), number(t, 8, 2), number(t, 11, 2),
                    number(t, 14, 2), number(t, 17, 2), nanos);
        } catch (java.time.DateTimeException e) {
            throw new DateTimeParseException(e.getMessage(), t, 0);
        }
    }

    private static int number(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeParseException("not a timestamp", t, i);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** {@code yyyy-MM-dd HH:mm:ss.SSS}: the shape enrich writes, kept as it is once it parses. */
    private static boolean isCanonical(String t) {
        return t.length() == 23 && t.charAt(10) == ' ' && t.charAt(19) == '.';
    }

    /** The raw TSV text of {@code field} (empty for null). */
    public String get(EnrichedField field) {
        int i = field.position();
        return line.substring(bounds[i], bounds[i + 1] - 1);
    }

    /** The length of {@code field}'s text. */
    public int length(EnrichedField field) {
        int i = field.position();
        return bounds[i + 1] - 1 - bounds[i];
    }

    public boolean isEmpty(EnrichedField field) {
        int i = field.position();
        return bounds[i + 1] - 1 == bounds[i];
    }

    /** Appends the TSV text of {@code field} to {@code out} without making a String of it. */
    public void appendTo(StringBuilder out, EnrichedField field) {
        int i = field.position();
        out.append(line, bounds[i], bounds[i + 1] - 1);
    }

    /** The whole line as read. */
    public String line() {
        return line;
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
        String[] copy = line.split("\t", -1);
        for (EnrichedField field : EnrichedField.all()) {
            if (field.kind() == EnrichedField.Kind.TIMESTAMP && !copy[field.position()].isEmpty()) {
                copy[field.position()] = formatTimestamp(copy[field.position()]);
            }
        }
        return List.of(copy);
    }

    /** The 131 values, for bad-row payloads. */
    public List<String> values() {
        return List.of(line.split("\t", -1));
    }
}
