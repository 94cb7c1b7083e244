package dev.tributary.schemas.badrows;

import dev.tributary.schemas.iglu.SchemaKey;

import java.time.Instant;
import java.util.Objects;

/**
 * size_violation 1-0-0: a payload too large for the sink. {@code payload} is already truncated; use
 * {@link #of} to truncate.
 */
public record SizeViolation(Processor processor, Instant timestamp, int maximumAllowedSizeBytes,
                            int actualSizeBytes, String expectation, String payload) implements BadRow {

    public static final SchemaKey SCHEMA = BadRow.key("size_violation", "1-0-0");

    public SizeViolation {
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payload, "payload");
        if (maximumAllowedSizeBytes < 0 || actualSizeBytes < 0) {
            throw new IllegalArgumentException("sizes must be >= 0");
        }
    }

    /**
     * Builds the row keeping at most {@code payloadLimit} characters of {@code rawPayload} (Snowplow keeps a
     * tenth of the sink's maximum record size), so the bad row itself fits in the sink.
     */
    public static SizeViolation of(Processor processor, Instant timestamp, int maximumAllowedSizeBytes,
                                   int actualSizeBytes, String expectation, String rawPayload, int payloadLimit) {
        if (payloadLimit < 0) {
            throw new IllegalArgumentException("payloadLimit must be >= 0");
        }
        String kept = rawPayload.length() <= payloadLimit ? rawPayload : truncate(rawPayload, payloadLimit);
        return new SizeViolation(processor, timestamp, maximumAllowedSizeBytes, actualSizeBytes, expectation, kept);
    }

    private static String truncate(String s, int limit) {
        // Never cut a surrogate pair in half: the result must stay valid UTF-16.
        int end = limit;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    @Override
    public SchemaKey schemaKey() {
        return SCHEMA;
    }
}
