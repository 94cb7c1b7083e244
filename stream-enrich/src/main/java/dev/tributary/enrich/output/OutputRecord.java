package dev.tributary.enrich.output;

import java.util.Objects;
import java.util.Optional;

/**
 * One serialised record on its way to a topic: exactly the key and value bytes the producer will send.
 *
 * @param badRowType the bad row schema name for records of the bad topic (metrics count them by type)
 */
public record OutputRecord(Destination destination, byte[] key, byte[] value, Optional<String> badRowType) {

    public OutputRecord {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(badRowType, "badRowType");
    }

    public int sizeBytes() {
        return OutputLimit.sizeOf(key, value);
    }
}
