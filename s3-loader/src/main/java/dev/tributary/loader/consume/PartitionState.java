package dev.tributary.loader.consume;

import dev.tributary.loader.buffer.Batch;
import dev.tributary.loader.buffer.BatchBuilder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.TopicPartition;

/**
 * One assigned partition: the open buffer, sealed batches waiting for the upload in flight (at most one in flight per
 * partition, so objects are written and committed in offset order), and the {@link BatchPlan} that decides when
 * buffers are sealed and what may be committed.
 */
final class PartitionState {

    final TopicPartition partition;
    final BatchPlan plan;
    final AtomicBoolean cancelled = new AtomicBoolean();
    final Deque<Batch> waiting = new ArrayDeque<>();
    BatchBuilder open;
    Batch uploading;
    Future<?> upload;
    boolean paused;
    /** This poll's remaining records of the paused partition were given back with a seek. */
    boolean rewound;
    /** Rewound to a record whose writer schema the registry could not give; paused until the retry is due. */
    boolean waitingForRegistry;

    PartitionState(TopicPartition partition, BatchPlan plan) {
        this.partition = partition;
        this.plan = plan;
    }

    boolean idle() {
        return open == null && waiting.isEmpty() && upload == null;
    }
}
