package dev.tributary.shredder;

import java.util.List;

/**
 * An event that passed deduplication and whose every entity resolved: what the writers turn into an
 * atomic-events row and entity rows (or one wide row).
 *
 * @param eventId the event_id to write: the original, or the new one of a synthetic duplicate
 */
public record ShreddedEvent(EnrichedLine event, String eventId, List<ResolvedEntity> entities) {

    /** An entity and how its type is shredded. */
    public record ResolvedEntity(Entity entity, SchemaCatalog.Resolved type) {
    }
}
