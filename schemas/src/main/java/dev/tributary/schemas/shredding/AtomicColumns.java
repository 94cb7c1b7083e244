package dev.tributary.schemas.shredding;

import dev.tributary.schemas.enriched.EnrichedField;

import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The 128 columns of {@code atomic.events}, in table order: the 131 enriched fields minus {@code contexts},
 * {@code unstruct_event} and {@code derived_contexts}, which shredding moves into their own tables. Types and
 * maximum lengths are {@link EnrichedField}'s (Snowplow's atomic schema 1-0-0).
 */
public final class AtomicColumns {

    /** The enriched fields that are not atomic columns. */
    public static final Set<EnrichedField> SHREDDED_FIELDS =
            EnumSet.of(EnrichedField.CONTEXTS, EnrichedField.UNSTRUCT_EVENT, EnrichedField.DERIVED_CONTEXTS);

    private static final List<EnrichedField> ALL = EnrichedField.all().stream()
            .filter(f -> !SHREDDED_FIELDS.contains(f)).toList();

    public static final int COUNT = 128;

    static {
        if (ALL.size() != COUNT) {
            throw new IllegalStateException("expected " + COUNT + " atomic columns, got " + ALL.size());
        }
    }

    private AtomicColumns() {
    }

    /** The columns in {@code atomic.events} order. */
    public static List<EnrichedField> all() {
        return ALL;
    }

    /** The column names in order. */
    public static List<String> names() {
        return ALL.stream().map(EnrichedField::fieldName).toList();
    }

    /** Zero-based position of {@code field} in an atomic-events row; -1 for a shredded field. */
    public static int indexOf(EnrichedField field) {
        return ALL.indexOf(field);
    }

    /** The atomic schema's maximum length of {@code field}, empty for non-strings. */
    public static OptionalInt maxLength(EnrichedField field) {
        return field.maxLength();
    }
}
