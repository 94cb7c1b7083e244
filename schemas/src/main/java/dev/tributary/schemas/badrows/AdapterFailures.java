package dev.tributary.schemas.badrows;

import dev.tributary.schemas.iglu.SchemaKey;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** adapter_failures 1-0-0: a non-Snowplow adapter (webhook vendor) could not turn a payload into events. */
public record AdapterFailures(Processor processor, Instant timestamp, String vendor, String version,
                              List<FailureMessage.AdapterMessage> messages, CollectorPayloadData payload)
        implements BadRow {

    public static final SchemaKey SCHEMA = BadRow.key("adapter_failures", "1-0-0");

    public AdapterFailures {
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(version, "version");
        messages = List.copyOf(messages);
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public SchemaKey schemaKey() {
        return SCHEMA;
    }
}
