package dev.tributary.enrich.topology;

import dev.tributary.enrich.config.EnrichConfig;
import dev.tributary.schemas.avro.EnrichedEvent;
import java.util.UUID;

/** The record key of an enriched event: the configured field's value, or a random UUID when it has none. */
final class PartitionKeys {

    private final EnrichConfig.PartitionKey key;

    PartitionKeys(EnrichConfig.PartitionKey key) {
        this.key = key;
    }

    String keyOf(EnrichedEvent event) {
        if (key.field().isPresent()) {
            Object value = event.get(key.field().get());
            if (value != null && !value.toString().isEmpty()) {
                return value.toString();
            }
        }
        return UUID.randomUUID().toString();
    }
}
