package dev.tributary.schemas.badrows;

import dev.tributary.schemas.iglu.SchemaKey;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** tracker_protocol_violations 1-0-1: a tracker (tp1/tp2) request that breaks the tracker protocol. */
public record TrackerProtocolViolations(Processor processor, Instant timestamp, String vendor, String version,
                                        List<FailureMessage.TrackerProtocolMessage> messages,
                                        CollectorPayloadData payload) implements BadRow {

    public static final SchemaKey SCHEMA = BadRow.key("tracker_protocol_violations", "1-0-1");

    public TrackerProtocolViolations {
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
