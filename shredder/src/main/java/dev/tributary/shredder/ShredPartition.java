package dev.tributary.shredder;

import dev.tributary.schemas.badrows.BadRow;
import dev.tributary.schemas.badrows.LoaderIgluError;
import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.iglu.SchemaKey;
import dev.tributary.schemas.shredding.ShreddedLayout;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Stage 2 for one partition: parse, deduplicate, shred. Yields a {@link ShreddedEvent} per event to write and
 * a bad-row line per event that cannot be loaded; natural duplicates yield nothing. Counts go to the job's
 * {@link ShredStatsAccumulator} when the partition is done.
 */
public final class ShredPartition implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String resolverConfigJson;
    // Processor is not Serializable: the task carries its two strings and rebuilds it.
    private final String artifact;
    private final String version;
    private final Broadcast<Deduplicator> deduplicator;
    private final Broadcast<Map<EventShredder.ModelKey, String>> targets;
    private final ShredStatsAccumulator stats;

    public ShredPartition(String resolverConfigJson, Processor processor, Broadcast<Deduplicator> deduplicator,
                          Broadcast<Map<EventShredder.ModelKey, String>> targets, ShredStatsAccumulator stats) {
        this.resolverConfigJson = resolverConfigJson;
        this.artifact = processor.artifact();
        this.version = processor.version();
        this.deduplicator = deduplicator;
        this.targets = targets;
        this.stats = stats;
    }

    /** One result: exactly one of the two is set. */
    public record Result(ShreddedEvent event, String badRow) {
    }

    /** The shredded output: (relative folder, line) pairs for {@link FolderOutputFormat}. */
    public Iterator<Tuple2<String, String>> lines(Iterator<Tuple2<Long, String>> occurrences) {
        Iterator<Result> results = results(occurrences);
        return new Iterator<>() {
            private final Deque<Tuple2<String, String>> pending = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (pending.isEmpty() && results.hasNext()) {
                    Result r = results.next();
                    if (r.badRow() != null) {
                        pending.add(new Tuple2<>(OutputLines.BAD_ROWS_STAGING, r.badRow()));
                    } else {
                        pending.addAll(OutputLines.of(r.event()));
                    }
                }
                return !pending.isEmpty();
            }

            @Override
            public Tuple2<String, String> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return pending.poll();
            }
        };
    }

    /** The events and bad rows of the partition, lazily. */
    public Iterator<Result> results(Iterator<Tuple2<Long, String>> occurrences) {
        Map<EventShredder.ModelKey, SchemaKey> targetKeys = new HashMap<>();
        targets.value().forEach((model, uri) -> targetKeys.put(model, SchemaKey.parse(uri)));
        Processor processor = new Processor(artifact, version);
        EventShredder shredder = new EventShredder(SchemaCatalog.forConfig(resolverConfigJson),
                Collections.unmodifiableMap(targetKeys), processor);
        Deduplicator dedup = deduplicator.value();
        ShredStats local = new ShredStats();
        Iterator<Result> results = new Iterator<>() {
            private Result next;

            @Override
            public boolean hasNext() {
                while (next == null && occurrences.hasNext()) {
                    next = process(occurrences.next(), processor, shredder, dedup, local);
                }
                return next != null;
            }

            @Override
            public Result next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Result current = next;
                next = null;
                return current;
            }
        };
        return PartitionEnd.then(results, () -> stats.add(local));
    }

    private static Result process(Tuple2<Long, String> occurrence, Processor processor, EventShredder shredder,
                                  Deduplicator dedup, ShredStats local) {
        local.count(ShredStats.LINES);
        EnrichedLine.Parsed parsed = EnrichedLine.parse(occurrence._2(), processor);
        if (parsed instanceof EnrichedLine.Bad bad) {
            return bad(bad.badRow(), local);
        }
        EnrichedLine event = ((EnrichedLine.Good) parsed).event();
        Deduplicator.Decision decision = dedup.decide(event.eventId(), event.fingerprint(), occurrence._1());
        if (decision instanceof Deduplicator.Drop) {
            local.count(ShredStats.NATURAL_DUPLICATES);
            return null;
        }
        Deduplicator.Reidentify reidentify = decision instanceof Deduplicator.Reidentify r ? r : null;
        EventShredder.Outcome outcome = shredder.shred(event, reidentify);
        if (outcome instanceof EventShredder.Bad bad) {
            return bad(bad.badRow(), local);
        }
        ShreddedEvent shredded = ((EventShredder.Good) outcome).event();
        local.count(ShredStats.GOOD);
        if (reidentify != null) {
            local.count(ShredStats.SYNTHETIC_DUPLICATES);
        }
        local.collectorTstamp(event.collectorTstamp().toEpochMilli());
        local.row(ShreddedLayout.ATOMIC_EVENTS, "");
        for (ShreddedEvent.ResolvedEntity e : shredded.entities()) {
            local.row(ShreddedLayout.relativeTypeFolder(e.type().type()), e.type().target().toUri());
        }
        return new Result(shredded, null);
    }

    private static Result bad(BadRow row, ShredStats local) {
        local.count(row instanceof LoaderIgluError ? ShredStats.BAD_IGLU : ShredStats.BAD_PARSING);
        return new Result(null, row.toJsonLine());
    }
}
