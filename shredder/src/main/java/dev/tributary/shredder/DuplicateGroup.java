package dev.tributary.shredder;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the shredder needs to know about the events of a run that share one event_id: for each
 * fingerprint the first occurrence (smallest {@link Occurrence#uid}), and every occurrence without a
 * fingerprint. Merging is associative and commutative, so Spark can combine groups in any order.
 */
public final class DuplicateGroup implements Serializable {

    private static final long serialVersionUID = 1L;

    private long count;
    private final Map<String, Long> firstByFingerprint;
    private final List<Long> unfingerprinted;

    private DuplicateGroup(long count, Map<String, Long> firstByFingerprint, List<Long> unfingerprinted) {
        this.count = count;
        this.firstByFingerprint = firstByFingerprint;
        this.unfingerprinted = unfingerprinted;
    }

    /** The group of a single occurrence. */
    public static DuplicateGroup of(String fingerprint, long uid) {
        Map<String, Long> byFp = new HashMap<>(2);
        List<Long> none = new ArrayList<>(1);
        if (fingerprint == null) {
            none.add(uid);
        } else {
            byFp.put(fingerprint, uid);
        }
        return new DuplicateGroup(1, byFp, none);
    }

    /** Merges {@code other} into this group and returns it (Spark's reduce contract allows reusing the left). */
    public DuplicateGroup merge(DuplicateGroup other) {
        count += other.count;
        other.firstByFingerprint.forEach((fp, uid) -> firstByFingerprint.merge(fp, uid, Math::min));
        unfingerprinted.addAll(other.unfingerprinted);
        return this;
    }

    /** How many events carry this event_id. */
    public long count() {
        return count;
    }

    /**
     * Which occurrences survive: the first of each fingerprint (natural duplicates collapse onto it) and every
     * event without a fingerprint (a missing fingerprint never proves two events are the same). More than one
     * survivor means synthetic duplicates: each gets a new event_id.
     */
    public Survivors survivors() {
        Set<Long> uids = new HashSet<>(firstByFingerprint.values());
        uids.addAll(unfingerprinted);
        return new Survivors(uids, uids.size() > 1);
    }

    /** The occurrences that are written, and whether they must be re-identified. */
    public record Survivors(Set<Long> uids, boolean synthetic) implements Serializable {
        public Survivors {
            uids = Set.copyOf(uids);
        }
    }
}
