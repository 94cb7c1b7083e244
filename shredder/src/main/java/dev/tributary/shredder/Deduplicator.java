package dev.tributary.shredder;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * In-batch deduplication as Snowplow's shredder does it (spec F.2 points 1 and 3), decided per occurrence from
 * the duplicate groups of the run:
 * <ul>
 *   <li>an event_id seen once: keep;</li>
 *   <li>same event_id and same fingerprint (natural duplicates): keep the first occurrence, drop the others;</li>
 *   <li>same event_id, different or missing fingerprints (synthetic duplicates): keep each, under a new
 *       event_id, with a {@code duplicate} derived context carrying the original id.</li>
 * </ul>
 * The new id is a name-based UUID of the original id and the fingerprint (or the occurrence, for events
 * without one), so shredding the same run again gives the same ids: the loader's (event_id, fingerprint)
 * deduplication across replays keeps working.
 */
public final class Deduplicator implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, DuplicateGroup.Survivors> duplicates;

    /** @param duplicates the survivors of every event_id that occurs more than once in the run */
    public Deduplicator(Map<String, DuplicateGroup.Survivors> duplicates) {
        this.duplicates = duplicates;
    }

    /** What happens to one occurrence. */
    public sealed interface Decision {
    }

    public record Keep() implements Decision {
    }

    /** A natural duplicate of an occurrence that is kept. */
    public record Drop() implements Decision {
    }

    public record Reidentify(String newEventId, String originalEventId) implements Decision {
    }

    private static final Keep KEEP = new Keep();
    private static final Drop DROP = new Drop();

    public Decision decide(String eventId, String fingerprint, long uid) {
        DuplicateGroup.Survivors survivors = duplicates.get(eventId);
        if (survivors == null) {
            return KEEP;
        }
        if (!survivors.uids().contains(uid)) {
            return DROP;
        }
        if (!survivors.synthetic()) {
            return KEEP;
        }
        String name = eventId + '\u0000' + (fingerprint != null ? "fp:" + fingerprint : "occurrence:" + uid);
        return new Reidentify(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString(), eventId);
    }

    /** Event ids with more than one occurrence. */
    public int duplicatedIds() {
        return duplicates.size();
    }

    /** Event ids whose occurrences are re-identified. */
    public long syntheticIds() {
        return duplicates.values().stream().filter(DuplicateGroup.Survivors::synthetic).count();
    }
}
