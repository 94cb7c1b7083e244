package dev.tributary.enrich.validation;

import dev.tributary.enrich.mapping.AtomicError;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.badrows.FailureMessage;
import dev.tributary.schemas.badrows.IgluClientError;
import dev.tributary.schemas.enriched.EnrichedField;
import dev.tributary.schemas.iglu.SchemaKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks against Snowplow's atomic schema: parameters that did not map, and text fields longer than their column.
 * Both are reported as one schema_violations IgluError against {@code atomic/jsonschema/1-0-0}, one data report per
 * field, so the bad row names every offending field.
 */
public final class AtomicFields {

    public static final SchemaKey ATOMIC = SchemaKey.parse("iglu:com.snowplowanalytics.snowplow/atomic/jsonschema/1-0-0");

    private AtomicFields() {
    }

    /** @return an IgluError for the mapping errors, or empty when there are none */
    public static List<FailureMessage.SchemaViolationMessage> parseErrors(List<AtomicError> errors) {
        if (errors.isEmpty()) {
            return List.of();
        }
        List<IgluClientError.DataReport> reports = errors.stream()
                .map(e -> new IgluClientError.DataReport("$." + e.field(), e.message(), "type", null))
                .toList();
        return List.of(new FailureMessage.IgluError(ATOMIC, new IgluClientError.ValidationFailure(reports, null)));
    }

    /** @return an IgluError naming every text field over its maximum length, or empty when all fit */
    public static List<FailureMessage.SchemaViolationMessage> lengthErrors(EnrichedEvent event) {
        List<IgluClientError.DataReport> reports = new ArrayList<>();
        for (EnrichedField field : EnrichedField.all()) {
            if (field.maxLength().isEmpty() || field.maxLength().getAsInt() <= 0) {
                continue;
            }
            Object value = event.get(field.position());
            if (value instanceof CharSequence text && text.length() > field.maxLength().getAsInt()) {
                reports.add(new IgluClientError.DataReport("$." + field.fieldName(),
                        field.fieldName() + " is " + text.length() + " characters long, longer than the maximum "
                                + field.maxLength().getAsInt(), "maxLength", null));
            }
        }
        if (reports.isEmpty()) {
            return List.of();
        }
        return List.of(new FailureMessage.IgluError(ATOMIC, new IgluClientError.ValidationFailure(reports, null)));
    }
}
