package dev.tributary.shredder;

import dev.tributary.schemas.enriched.EnrichedField;
import dev.tributary.schemas.shredding.AtomicColumns;

/**
 * Writes an event as one atomic-events row: the 128 {@link AtomicColumns} in table order, tab-separated, with
 * strings cut to the atomic schema's maximum lengths (so a COPY never fails on width), booleans as 1/0 and
 * timestamps as {@code yyyy-MM-dd HH:mm:ss.SSS}.
 */
public final class AtomicRow {

    private AtomicRow() {
    }

    /** @param eventId the event_id to write (the original, or the new one of a synthetic duplicate) */
    public static String of(EnrichedLine event, String eventId) {
        StringBuilder row = new StringBuilder(1024);
        boolean first = true;
        for (EnrichedField field : AtomicColumns.all()) {
            if (!first) {
                row.append('\t');
            }
            first = false;
            if (field == EnrichedField.EVENT_ID) {
                row.append(eventId);
            } else if (field.kind() == EnrichedField.Kind.STRING && fits(event, field)) {
                event.appendTo(row, field); // the common case: copied straight from the line
            } else if (!event.isEmpty(field)) {
                row.append(cell(field, event.get(field)));
            }
        }
        return row.toString();
    }

    private static String cell(EnrichedField field, String value) {
        return switch (field.kind()) {
            case BOOLEAN -> value.equals("1") || value.equals("true") ? "1" : "0";
            case TIMESTAMP -> EnrichedLine.formatTimestamp(value);
            case STRING -> truncate(value, field.maxLength().orElse(Integer.MAX_VALUE));
            case INTEGER, DOUBLE, JSON -> value;
        };
    }

    private static boolean fits(EnrichedLine event, EnrichedField field) {
        return field.maxLength().isEmpty() || event.length(field) <= field.maxLength().getAsInt();
    }

    /** Cuts to {@code max} characters without splitting a surrogate pair. */
    static String truncate(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}
