package dev.tributary.schemas.badrows;

import dev.tributary.schemas.iglu.SchemaKey;

import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;

/**
 * collector_payload_format_violation 1-0-0: a raw record enrich could not read as a collector payload.
 * {@code payload} is the raw record as text, base64 for binary formats (use {@link #ofBytes}).
 */
public record CollectorPayloadFormatViolation(Processor processor, Instant timestamp, String loader,
                                              FormatViolationMessage message, String payload) implements BadRow {

    public static final SchemaKey SCHEMA = BadRow.key("collector_payload_format_violation", "1-0-0");

    /** Raw formats the schema knows; Tributary's raw topic is Avro-encoded Thrift fields, reported as thrift. */
    public static final Set<String> LOADERS = Set.of("clj-tomcat", "cloudfront", "ndjson", "thrift", "tsv");

    public CollectorPayloadFormatViolation {
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(timestamp, "timestamp");
        if (!LOADERS.contains(loader)) {
            throw new IllegalArgumentException("loader must be one of " + LOADERS + ", got " + loader);
        }
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(payload, "payload");
    }

    /** For a binary record: the payload is its base64 encoding and the loader is {@code thrift}. */
    public static CollectorPayloadFormatViolation ofBytes(Processor processor, Instant timestamp,
                                                          FormatViolationMessage message, byte[] raw) {
        return new CollectorPayloadFormatViolation(processor, timestamp, "thrift", message,
                Base64.getEncoder().encodeToString(raw));
    }

    @Override
    public SchemaKey schemaKey() {
        return SCHEMA;
    }
}
