package dev.tributary.schemas.badrows;

import java.util.Objects;

/** Why a raw collector payload could not be read (collector_payload_format_violation). */
public sealed interface FormatViolationMessage {

    /** A free-form error, e.g. a Thrift deserialisation exception. */
    record Fallback(String error) implements FormatViolationMessage {
        public Fallback {
            Objects.requireNonNull(error, "error");
        }
    }

    /** A field of the payload did not meet the loader's expectation; {@code value} may be null. */
    record PayloadField(String payloadField, String value, String expectation) implements FormatViolationMessage {
        public PayloadField {
            Objects.requireNonNull(payloadField, "payloadField");
            Objects.requireNonNull(expectation, "expectation");
        }
    }
}
