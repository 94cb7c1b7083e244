package dev.tributary.loader.buffer;

import dev.tributary.loader.key.OffsetRange;
import dev.tributary.loader.key.SchemaGroup;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * A sealed buffer: the offsets it covers, one gzip body per schema group (one for all purposes but BAD_ROWS), and
 * the bad-row sends that must be acknowledged before its offsets may be committed.
 */
public record Batch(
        String topic,
        int partition,
        OffsetRange range,
        long folderTimeMillis,
        Map<SchemaGroup, byte[]> bodies,
        int records,
        long lineBytes,
        RotationReason reason,
        List<Future<?>> badRowSends) {

    public Batch {
        bodies = Map.copyOf(bodies);
        badRowSends = List.copyOf(badRowSends);
    }

    public long compressedBytes() {
        return bodies.values().stream().mapToLong(b -> b.length).sum();
    }
}
