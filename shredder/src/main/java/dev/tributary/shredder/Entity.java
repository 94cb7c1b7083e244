package dev.tributary.shredder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.schemas.iglu.SchemaKey;

/** One self-describing JSON attached to an event, and the field it came from. */
public record Entity(SchemaKey key, JsonNode data, Source source) {

    /** Where an entity sits in the enriched event; wide rows name their columns after it. */
    public enum Source {
        UNSTRUCT_EVENT("unstruct_event"),
        CONTEXTS("contexts"),
        DERIVED_CONTEXTS("contexts");

        private final String columnPrefix;

        Source(String columnPrefix) {
            this.columnPrefix = columnPrefix;
        }

        /** Snowplow's wide-row column prefix: {@code unstruct_event} or {@code contexts} (derived ones too). */
        public String columnPrefix() {
            return columnPrefix;
        }
    }
}
