package dev.tributary.loader.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.loader.key.OffsetRange;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Checks shared by the acceptance tests. */
public final class Assertions2 {

    private Assertions2() {
    }

    /**
     * Per partition, the objects' offset ranges never overlap and, together, cover 0..end-1 without a gap (every
     * record of those tests is readable, so every offset is in some object).
     */
    public static void rangesTileEachPartition(List<StoredObject> objects, Map<Integer, Long> endOffsets) {
        Map<Integer, List<OffsetRange>> byPartition = objects.stream().collect(Collectors.groupingBy(
                StoredObject::partition, Collectors.mapping(StoredObject::range, Collectors.toList())));
        assertThat(byPartition.keySet()).containsExactlyInAnyOrderElementsOf(endOffsets.keySet());
        byPartition.forEach((partition, ranges) -> {
            List<OffsetRange> sorted = ranges.stream().sorted(Comparator.naturalOrder()).toList();
            long next = 0;
            for (OffsetRange r : sorted) {
                assertThat(r.first()).as("partition %d: object %s starts where the previous ended", partition, r)
                        .isEqualTo(next);
                next = r.last() + 1;
            }
            assertThat(next).as("partition %d covered up to its end offset", partition)
                    .isEqualTo(endOffsets.get(partition));
        });
    }
}
