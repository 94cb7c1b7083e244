package dev.tributary.shredder;

import dev.tributary.schemas.badrows.Processor;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Stage 1 for one partition: parses each line and, for the events, emits {@code (event_id, "uid<TAB>fingerprint")}
 * for the duplicate count, and gathers the schema keys of their entities. Occurrences travel as short strings and
 * are joined with newlines by {@link #mergeOccurrences}: the shuffle carries ids, not events.
 */
final class ScanPartition implements PairFlatMapFunction<Iterator<Tuple2<Long, String>>, String, String> {

    private static final long serialVersionUID = 1L;

    // Processor is not Serializable: the task carries its two strings and rebuilds it.
    private final String artifact;
    private final String version;
    private final ShredStatsAccumulator stats;
    private final SetAccumulator schemaUris;

    ScanPartition(Processor processor, ShredStatsAccumulator stats, SetAccumulator schemaUris) {
        this.artifact = processor.artifact();
        this.version = processor.version();
        this.stats = stats;
        this.schemaUris = schemaUris;
    }

    @Override
    public Iterator<Tuple2<String, String>> call(Iterator<Tuple2<Long, String>> lines) {
        Processor processor = new Processor(artifact, version);
        ShredStats local = new ShredStats();
        Set<String> uris = new HashSet<>();
        Iterator<Tuple2<String, String>> occurrences = new Iterator<>() {
            private Tuple2<String, String> next;

            @Override
            public boolean hasNext() {
                while (next == null && lines.hasNext()) {
                    Tuple2<Long, String> line = lines.next();
                    local.count(ShredStats.LINES);
                    EnrichedLine.Parsed parsed = EnrichedLine.parse(line._2(), processor);
                    if (parsed instanceof EnrichedLine.Good good) {
                        local.count(ShredStats.GOOD);
                        SchemaScan.collect(good.event(), uris);
                        String fp = good.event().fingerprint();
                        next = new Tuple2<>(good.event().eventId(), line._1() + "\t" + (fp == null ? "" : fp));
                    } else {
                        local.count(ShredStats.BAD_PARSING);
                    }
                }
                return next != null;
            }

            @Override
            public Tuple2<String, String> next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                Tuple2<String, String> current = next;
                next = null;
                return current;
            }
        };
        return PartitionEnd.then(occurrences, () -> {
            stats.add(local);
            schemaUris.add(Collections.unmodifiableSet(uris));
        });
    }

    static String mergeOccurrences(String a, String b) {
        return a + "\n" + b;
    }

    /** The survivors of an event_id's occurrences, joined by {@link #mergeOccurrences}. */
    static DuplicateGroup.Survivors survivors(String joined) {
        DuplicateGroup group = null;
        for (String occurrence : joined.split("\n")) {
            int tab = occurrence.indexOf('\t');
            long uid = Long.parseLong(occurrence.substring(0, tab));
            String fp = occurrence.substring(tab + 1);
            DuplicateGroup one = DuplicateGroup.of(fp.isEmpty() ? null : fp, uid);
            group = group == null ? one : group.merge(one);
        }
        return group.survivors();
    }
}
