package dev.tributary.loader.consume;

import dev.tributary.loader.buffer.Batch;
import dev.tributary.loader.buffer.BatchBuilder;
import dev.tributary.loader.key.OffsetRange;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NavigableSet;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.TopicPartition;

/**
 * One assigned partition: the open buffer, sealed batches waiting for the upload in flight (at most one in flight per
 * partition, so objects are written and committed in offset order), and the ranges earlier runs stored beyond the
 * committed offset.
 */
final class PartitionState {

    final TopicPartition partition;
    final NavigableSet<OffsetRange> stored;
    final AtomicBoolean cancelled = new AtomicBoolean();
    final Deque<Batch> waiting = new ArrayDeque<>();
    BatchBuilder open;
    /** Set while the open buffer replays a stored range: it ends exactly at this offset. */
    Long pinnedEnd;
    Batch uploading;
    Future<?> upload;
    long committed;
    long committable;
    boolean paused;
    /** This poll's remaining records of the paused partition were given back with a seek. */
    boolean rewound;
    /** Rewound to a record whose writer schema the registry could not give; paused until the retry is due. */
    boolean waitingForRegistry;

    PartitionState(TopicPartition partition, NavigableSet<OffsetRange> stored, long position) {
        this.partition = partition;
        this.stored = stored;
        this.committed = position;
        this.committable = position;
    }

    boolean idle() {
        return open == null && waiting.isEmpty() && upload == null;
    }

    /** The stored range containing {@code offset}, or the next one after it. */
    OffsetRange storedAtOrAfter(long offset) {
        return stored.stream().filter(r -> r.last() >= offset).findFirst().orElse(null);
    }
}
