package dev.tributary.loader.buffer;

import dev.tributary.loader.config.BufferConfig;

import dev.tributary.loader.key.OffsetRange;
import dev.tributary.loader.key.SchemaGroup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.zip.GZIPOutputStream;

/** The open buffer of one topic-partition: newline-delimited lines gzipped as they arrive. */
public final class BatchBuilder {

    private final String topic;
    private final int partition;
    private final long openedAtNanos;
    // Set by the first line: records that become bad rows have no say in where the object goes.
    private long folderTimeMillis = Long.MIN_VALUE;
    private long timeBucket = Long.MIN_VALUE;
    private final long firstOffset;
    private long lastOffset;
    private int records;
    private long lineBytes;
    private final Executor compressor;
    private final int gzipLevel;
    private final Map<SchemaGroup, GzipBody> bodies = new LinkedHashMap<>();
    private final List<Future<?>> badRowSends = new ArrayList<>();

    /** Compresses on the calling thread. */
    public BatchBuilder(String topic, int partition, long firstOffset, long openedAtNanos) {
        this(topic, partition, firstOffset, openedAtNanos, Runnable::run, BufferConfig.DEFAULT_GZIP_LEVEL);
    }

    /** Compresses on {@code compressor}, chunk by chunk and in order per schema group. */
    public BatchBuilder(String topic, int partition, long firstOffset, long openedAtNanos, Executor compressor,
                        int gzipLevel) {
        this.compressor = compressor;
        this.gzipLevel = gzipLevel;
        this.topic = topic;
        this.partition = partition;
        this.firstOffset = firstOffset;
        this.lastOffset = firstOffset;
        this.openedAtNanos = openedAtNanos;
    }

    /**
     * @param timeMillis the line's time; the first line's decides the object's folder
     * @param bucket     the time bucket of {@code timeMillis} in the partition format
     */
    public void addLine(long offset, SchemaGroup group, byte[] line, long timeMillis, long bucket) {
        if (bodies.isEmpty()) {
            folderTimeMillis = timeMillis;
            timeBucket = bucket;
        }
        bodies.computeIfAbsent(group, g -> new GzipBody(compressor, gzipLevel)).write(line);
        lineBytes += line.length + 1;
        count(offset);
    }

    /** A record that went to the bad topic instead: its offset is still covered by this batch. */
    public void addBadRow(long offset, Future<?> send) {
        badRowSends.add(send);
        count(offset);
    }

    private void count(long offset) {
        lastOffset = offset;
        records++;
    }

    public long firstOffset() {
        return firstOffset;
    }

    public long lastOffset() {
        return lastOffset;
    }

    public int records() {
        return records;
    }

    public long lineBytes() {
        return lineBytes;
    }

    /** True once a line (not only bad rows) is in the buffer. */
    public boolean hasLines() {
        return !bodies.isEmpty();
    }

    /** The bucket of the first line; meaningful only if {@link #hasLines()}. */
    public long timeBucket() {
        return timeBucket;
    }

    public long openedAtNanos() {
        return openedAtNanos;
    }

    public Batch seal(RotationReason reason) {
        Map<SchemaGroup, byte[]> sealed = new LinkedHashMap<>();
        bodies.forEach((group, body) -> sealed.put(group, body.finish()));
        return new Batch(topic, partition, new OffsetRange(firstOffset, lastOffset), folderTimeMillis, sealed, records,
                lineBytes, reason, badRowSends);
    }

    /**
     * One gzip stream fed in chunks on the compression pool, in order, so the consumer thread only copies bytes and
     * several partitions compress in parallel. A few chunks may be pending per stream; beyond that the consumer
     * thread waits, which bounds memory.
     */
    private static final class GzipBody {
        private static final int CHUNK = 256 * 1024;
        private static final int MAX_PENDING_CHUNKS = 4;

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        private final GZIPOutputStream gzip;
        private final Executor compressor;
        private final Semaphore pending = new Semaphore(MAX_PENDING_CHUNKS);
        private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
        private byte[] chunk = new byte[CHUNK];
        private int used;

        GzipBody(Executor compressor, int level) {
            this.compressor = compressor;
            try {
                gzip = new GZIPOutputStream(bytes, 64 * 1024) {
                    {
                        def.setLevel(level);
                    }
                };
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void write(byte[] line) {
            if (used + line.length + 1 > chunk.length) {
                submitChunk();
            }
            if (line.length + 1 > chunk.length) {
                byte[] big = Arrays.copyOf(line, line.length + 1);
                big[line.length] = '\n';
                submit(big, big.length);
                return;
            }
            System.arraycopy(line, 0, chunk, used, line.length);
            used += line.length;
            chunk[used++] = '\n';
        }

        private void submitChunk() {
            if (used > 0) {
                submit(chunk, used);
                chunk = new byte[CHUNK];
                used = 0;
            }
        }

        private void submit(byte[] data, int length) {
            pending.acquireUninterruptibly();
            tail = tail.handleAsync((ignored, earlier) -> {
                try {
                    if (earlier != null) {
                        throw new CompletionException(earlier);
                    }
                    gzip.write(data, 0, length);
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    pending.release();
                }
            }, compressor);
        }

        byte[] finish() {
            submitChunk();
            try {
                tail.join();
                gzip.finish();
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
