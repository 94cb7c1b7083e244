package dev.tributary.loader.consume;

import dev.tributary.loader.buffer.Batch;
import dev.tributary.loader.buffer.BatchBuilder;
import dev.tributary.loader.buffer.Decoded;
import dev.tributary.loader.buffer.RecordDecoder;
import dev.tributary.loader.buffer.RotationReason;
import dev.tributary.loader.config.BufferConfig;
import dev.tributary.loader.key.OffsetRange;
import dev.tributary.loader.key.PartitionFormat;
import dev.tributary.loader.metrics.LoaderMetrics;
import dev.tributary.loader.upload.Backoff;
import dev.tributary.loader.upload.S3Writer;
import dev.tributary.loader.upload.StoredObjects;
import dev.tributary.loader.upload.UploadCancelledException;
import dev.tributary.loader.upload.WriteOutcome;
import dev.tributary.schemas.registry.SchemaRegistryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer thread: polls, buffers per partition, hands sealed batches to the upload pool, and commits a
 * partition's offsets only once every object before them is stored. Nothing here commits an offset whose records
 * are not in S3 (or, for unreadable records, acknowledged on the bad topic).
 *
 * <p>The decisions (when a buffer is sealed, the stored-range replay rule, which offset may be committed) are made by
 * each partition's {@link BatchPlan}; this class does the I/O they call for. On assignment it lists what earlier runs
 * stored beyond the committed offset and hands it to the plan.
 */
public final class LoaderLoop implements Runnable, ConsumerRebalanceListener {

    private static final Logger LOG = LoggerFactory.getLogger(LoaderLoop.class);

    private final String name;
    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final RecordDecoder decoder;
    private final PartitionFormat format;
    private final BufferConfig buffer;
    private final S3Writer writer;
    private final StoredObjects storedObjects;
    private final BadRowSink badRows;
    private final ExecutorService uploads;
    private final java.util.concurrent.Executor compressor;
    private final LoaderMetrics metrics;
    private final LoaderHooks hooks;
    private final Duration drainTimeout;
    private final RegistryOutage registry;
    private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();

    private volatile boolean running = true;
    private volatile Throwable failure;
    private volatile boolean assignedOnce;

    public LoaderLoop(String name, Consumer<byte[], byte[]> consumer, String topic, RecordDecoder decoder,
                      PartitionFormat format, BufferConfig buffer, S3Writer writer, StoredObjects storedObjects,
                      BadRowSink badRows, ExecutorService uploads, java.util.concurrent.Executor compressor,
                      LoaderMetrics metrics, LoaderHooks hooks, Duration drainTimeout, Backoff registryBackoff) {
        this.name = name;
        this.consumer = consumer;
        this.topic = topic;
        this.decoder = decoder;
        this.format = format;
        this.buffer = buffer;
        this.writer = writer;
        this.storedObjects = storedObjects;
        this.badRows = badRows;
        this.uploads = uploads;
        this.compressor = compressor;
        this.metrics = metrics;
        this.hooks = hooks;
        this.drainTimeout = drainTimeout;
        this.registry = new RegistryOutage(name, registryBackoff, metrics, new SplittableRandom());
    }

    /** Asks the loop to flush, commit and stop; returns at once. */
    public void stop() {
        // No consumer.wakeup(): it could surface in commitSync and look like a crash; polls are short anyway.
        running = false;
    }

    public Throwable failure() {
        return failure;
    }

    public boolean running() {
        return running && failure == null;
    }

    public boolean assignedOnce() {
        return assignedOnce;
    }

    /** Why the loop cannot make progress without having failed (the schema registry is down), or null. */
    public String degradedReason() {
        return registry.reason();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic), this);
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout());
                partitions.values().forEach(s -> s.rewound = false);
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    PartitionState state = partitions.get(new TopicPartition(record.topic(), record.partition()));
                    if (state == null || state.waitingForRegistry) {
                        continue;
                    }
                    if (state.paused) {
                        // Uploads are behind (S3 slow or down): leave the rest of this poll in Kafka, not in memory.
                        if (!state.rewound) {
                            consumer.seek(state.partition, record.offset());
                            state.rewound = true;
                        }
                        continue;
                    }
                    try {
                        accept(state, record);
                    } catch (SchemaRegistryException e) {
                        waitForRegistry(state, record.offset(), e);
                        continue;
                    }
                    if (!state.waiting.isEmpty()) {
                        consumer.pause(List.of(state.partition));
                        state.paused = true;
                        LOG.atInfo().addKeyValue("loader", name).addKeyValue("partition", state.partition)
                                .addKeyValue("reason", "uploads_behind").log("partition paused");
                    }
                }
                afterPoll();
            }
            shutdown();
        } catch (Throwable e) {
            // A crash: nothing is flushed and nothing more is committed; the next owner replays from the last commit.
            failure = e;
            running = false;
            // The layout writes the throwable as the line's own error and stack fields.
            LOG.atError().addKeyValue("loader", name).setCause(e).log("loader failed");
            partitions.values().forEach(s -> s.cancelled.set(true));
        } finally {
            closeQuietly();
        }
    }

    /**
     * Gives the record back to Kafka and pauses its partition until the registry retry is due; the loop keeps polling
     * (so the group keeps the partition), flushing by time and committing what is already stored.
     */
    private void waitForRegistry(PartitionState s, long offset, SchemaRegistryException e) {
        consumer.seek(s.partition, offset);
        consumer.pause(List.of(s.partition));
        s.waitingForRegistry = true;
        registry.failed(e, System.nanoTime());
    }

    private Duration pollTimeout() {
        long millis = Math.min(buffer.maxDelay().toMillis(), 200);
        return Duration.ofMillis(Math.max(millis, 10));
    }

    private void afterPoll() {
        long now = System.nanoTime();
        for (PartitionState s : partitions.values()) {
            BatchPlan.Seal seal = s.plan.onTick(now);
            if (seal != null) {
                rotate(s, seal);
            }
        }
        progress(partitions.values());
        commit(partitions.values());
        updatePauses();
        updateLag();
    }

    private void accept(PartitionState s, ConsumerRecord<byte[], byte[]> record) {
        long offset = record.offset();
        BatchPlan.Seal cut = s.plan.beforeRecord(offset);
        if (cut != null) {
            rotate(s, cut);
        }
        Decoded decoded = decoder.decode(record.topic(), record.value(), record.timestamp());
        registry.succeeded();
        long bucket = decoded instanceof Decoded.Line line ? format.bucketOf(line.eventTimeMillis()) : 0;
        BatchPlan.Entry entry = decoded instanceof Decoded.Line line
                ? new BatchPlan.Entry.Line(bucket, line.line().length) : new BatchPlan.Entry.BadRow();
        long now = System.nanoTime();
        BatchPlan.RecordSteps steps = s.plan.onRecord(offset, entry, now);
        if (steps.sealBefore() != null) {
            rotate(s, steps.sealBefore());
        }
        if (steps.open() != null) {
            if (steps.open().straddles()) {
                LOG.atWarn().addKeyValue("loader", name).addKeyValue("partition", s.partition)
                        .addKeyValue("range", steps.open().pinnedTo().first() + "-" + steps.open().pinnedTo().last())
                        .addKeyValue("offset", offset).log("stored range straddles position");
            }
            s.open = new BatchBuilder(record.topic(), record.partition(), offset, now, compressor, buffer.gzipLevel());
        }
        if (decoded instanceof Decoded.Line line) {
            s.open.addLine(offset, line.group(), line.line(), line.eventTimeMillis(), bucket);
        } else if (decoded instanceof Decoded.Undecodable bad) {
            s.open.addBadRow(offset, badRows.send(bad.error(), bad.payload()));
            metrics.badRow();
        }
        if (steps.sealAfter() != null) {
            rotate(s, steps.sealAfter());
        }
    }

    /** Seals the open buffer as the plan decided; the two must agree on what the buffer holds. */
    private void rotate(PartitionState s, BatchPlan.Seal seal) {
        Batch batch = s.open.seal(seal.reason());
        if (!batch.range().equals(seal.range())) {
            throw new IllegalStateException("buffer of " + s.partition + " holds " + batch.range() + " but the plan sealed "
                    + seal.range());
        }
        s.open = null;
        s.waiting.add(batch);
        metrics.rotation(seal.reason());
        dispatch(s);
    }

    /** Starts the next upload of {@code s} if none is in flight. */
    private void dispatch(PartitionState s) {
        if (s.upload != null || s.waiting.isEmpty()) {
            return;
        }
        Batch batch = s.waiting.poll();
        s.uploading = batch;
        s.upload = uploads.submit(() -> upload(batch, s));
    }

    private List<WriteOutcome> upload(Batch batch, PartitionState s) throws Exception {
        long start = System.nanoTime();
        List<WriteOutcome> outcomes = writer.write(batch, s.cancelled::get);
        for (Future<?> send : batch.badRowSends()) {
            send.get();
        }
        metrics.batchWritten(batch.records(), batch.lineBytes(), batch.compressedBytes(),
                Duration.ofNanos(System.nanoTime() - start));
        outcomes.forEach(o -> metrics.object(o.alreadyStored()));
        LOG.atDebug().addKeyValue("loader", name).addKeyValue("partition", s.partition)
                .addKeyValue("first", batch.range().first()).addKeyValue("last", batch.range().last())
                .addKeyValue("objects", outcomes.size()).addKeyValue("reason", batch.reason().tag())
                .log("batch written");
        return outcomes;
    }

    /** Collects finished uploads and starts the next ones; a failed upload (not a cancelled one) stops the loader. */
    private void progress(Collection<PartitionState> states) {
        for (PartitionState s : states) {
            if (s.upload != null && s.upload.isDone()) {
                try {
                    s.upload.get();
                    s.plan.onStored(s.uploading.range());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UploadCancelledException) {
                        s.waiting.clear();
                    } else {
                        throw new IllegalStateException("writing " + s.partition + " offsets "
                                + s.uploading.range().first() + "-" + s.uploading.range().last() + " failed", e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                s.upload = null;
                s.uploading = null;
            }
            dispatch(s);
        }
    }

    private void commit(Collection<PartitionState> states) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (PartitionState s : states) {
            OptionalLong due = s.plan.commitDue();
            if (due.isPresent()) {
                offsets.put(s.partition, new OffsetAndMetadata(due.getAsLong()));
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        hooks.beforeCommit(offsets);
        consumer.commitSync(offsets);
        metrics.committed();
        for (PartitionState s : states) {
            OffsetAndMetadata o = offsets.get(s.partition);
            if (o != null) {
                s.plan.onCommitted(o.offset());
            }
        }
    }

    /**
     * Bounded memory: a partition with a sealed batch waiting behind the upload in flight is paused (and rewound to
     * its first unread record) until that batch is on its way; at most two sealed batches and one open buffer per
     * partition are ever held.
     */
    private void updatePauses() {
        List<TopicPartition> resume = new ArrayList<>();
        long paused = 0;
        boolean registryRetryDue = registry.retryDue(System.nanoTime());
        for (PartitionState s : partitions.values()) {
            boolean wasPaused = s.paused || s.waitingForRegistry;
            if (s.paused && s.waiting.isEmpty()) {
                s.paused = false;
            }
            if (s.waitingForRegistry && registryRetryDue) {
                s.waitingForRegistry = false;
            }
            if (s.paused || s.waitingForRegistry) {
                paused++;
            } else if (wasPaused) {
                resume.add(s.partition);
            }
        }
        if (!resume.isEmpty()) {
            consumer.resume(resume);
        }
        metrics.paused(paused);
    }

    private void updateLag() {
        long lag = 0;
        for (TopicPartition tp : partitions.keySet()) {
            OptionalLong l = consumer.currentLag(tp);
            if (l.isPresent()) {
                lag += l.getAsLong();
            }
        }
        metrics.lag(lag);
    }

    /** Flushes (unless replaying a stored range), waits for the uploads, commits; gives up after the drain timeout. */
    private void drain(Collection<PartitionState> states, RotationReason reason) {
        for (PartitionState s : states) {
            if (s.open != null) {
                BatchPlan.Seal seal = s.plan.drain(reason);
                if (seal == null) {
                    // A partial replay of a stored range would overlap it: dropped, the next owner re-reads it.
                    s.open = null;
                } else {
                    rotate(s, seal);
                }
            }
        }
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        while (states.stream().anyMatch(s -> s.upload != null) && System.nanoTime() < deadline) {
            progress(states);
            PartitionState pending = states.stream().filter(s -> s.upload != null).findFirst().orElse(null);
            if (pending != null) {
                try {
                    pending.upload.get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // progress() reports it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        progress(states);
        for (PartitionState s : states) {
            if (s.upload != null || !s.waiting.isEmpty()) {
                LOG.atWarn().addKeyValue("loader", name).addKeyValue("partition", s.partition)
                        .addKeyValue("uncommitted_from", s.plan.committable()).log("drain timed out");
                s.cancelled.set(true);
            }
        }
        commit(states);
    }

    private void shutdown() {
        drain(new ArrayList<>(partitions.values()), RotationReason.SHUTDOWN);
        partitions.clear();
    }

    private void closeQuietly() {
        try {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("loader", name).addKeyValue("cause", e.toString()).log("consumer close failed");
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        List<PartitionState> states = revoked.stream().map(partitions::get).filter(s -> s != null).toList();
        if (failure == null && !states.isEmpty()) {
            drain(states, RotationReason.REVOCATION);
        }
        revoked.forEach(partitions::remove);
        LOG.atInfo().addKeyValue("loader", name).addKeyValue("partitions", revoked).log("partitions revoked");
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
        for (TopicPartition tp : lost) {
            PartitionState s = partitions.remove(tp);
            if (s != null) {
                s.cancelled.set(true);
            }
        }
        LOG.atWarn().addKeyValue("loader", name).addKeyValue("partitions", lost).log("partitions lost");
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        for (TopicPartition tp : assigned) {
            long position = consumer.position(tp);
            NavigableSet<OffsetRange> stored = storedObjects.rangesFrom(tp.topic(), tp.partition(), position,
                    () -> !running);
            PartitionState s = new PartitionState(tp, new BatchPlan(buffer, stored, position));
            partitions.put(tp, s);
            if (!stored.isEmpty()) {
                LOG.atInfo().addKeyValue("loader", name).addKeyValue("partition", tp).addKeyValue("from", position)
                        .addKeyValue("ranges", stored.size()).log("replaying into stored ranges");
            }
        }
        assignedOnce = true;
        LOG.atInfo().addKeyValue("loader", name).addKeyValue("partitions", assigned).log("partitions assigned");
    }
}
