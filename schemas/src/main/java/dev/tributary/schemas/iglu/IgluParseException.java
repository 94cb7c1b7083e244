package dev.tributary.schemas.iglu;

import java.util.Objects;

/**
 * Thrown when a string or JSON value is not a valid Iglu construct. The {@link Reason} names follow the
 * codes Snowplow writes into {@code NotIglu} bad-row messages, so enrich can copy them across unchanged.
 */
public final class IgluParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why the input is not Iglu. */
    public enum Reason {
        /** The input could not be parsed as JSON at all. */
        NOT_JSON,
        /** The {@code schema} URI is malformed (prefix, vendor, name, format). */
        INVALID_IGLUURI,
        /** The version part of the URI is not {@code MODEL-REVISION-ADDITION}. */
        INVALID_SCHEMAVER,
        /** The {@code schema} field is missing or not a string. */
        INVALID_SCHEMA,
        /** The {@code data} field is missing. */
        INVALID_DATA_PAYLOAD
    }

    private final Reason reason;

    public IgluParseException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
