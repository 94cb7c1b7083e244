package dev.tributary.enrich.mapping;

import java.util.Objects;

/**
 * A tracker parameter whose value does not fit its enriched field (Snowplow's {@code AtomicError.ParseError}).
 *
 * @param parameter   the tracker parameter, e.g. {@code tr_tt}
 * @param field       the enriched field it maps to, e.g. {@code tr_total}
 * @param value       the offending value
 * @param expectation what was expected
 */
public record AtomicError(String parameter, String field, String value, String expectation) {

    public AtomicError {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(expectation, "expectation");
    }

    public String message() {
        return "cannot map " + parameter + " to " + field + ": " + expectation + ", got '" + value + "'";
    }
}
