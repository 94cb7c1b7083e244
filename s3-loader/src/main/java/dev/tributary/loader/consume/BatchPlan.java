package dev.tributary.loader.consume;

import dev.tributary.loader.buffer.RotationReason;
import dev.tributary.loader.config.BufferConfig;
import dev.tributary.loader.key.OffsetRange;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The batching, replay and commit decisions of one assigned partition, without I/O: offsets, the ranges earlier runs
 * stored, the buffer limits and the clock go in; which buffer to seal (and why), where a buffer opens and which offset
 * may be committed come out. {@link LoaderLoop} applies the decisions to the real buffers, uploads and consumer.
 *
 * <p>Replay rule: a buffer that opens inside a stored range is pinned to that range and cut exactly at its end; a
 * buffer that reaches the start of a stored range is cut just before it. A replay therefore writes the same keys as
 * the earlier run, never an object overlapping a stored one, however the earlier run's time-based flushes fell.
 *
 * <p>Commit rule: an offset is committable only once the object ending just before it is stored (the loop uploads a
 * partition's batches one at a time, in offset order), and only offsets beyond the last commit are committed.
 *
 * <p>Not thread-safe: used by the consumer thread only. Times are {@link System#nanoTime()}-style nanoseconds.
 */
public final class BatchPlan {

    /** What a record is, as far as batching cares: a line with its time bucket and size, or a bad row. */
    public sealed interface Entry {
        /** A line of {@code bytes} bytes (without its newline) in time bucket {@code bucket}. */
        record Line(long bucket, long bytes) implements Entry {
        }

        /** An unreadable record; it counts as a record but not as line bytes, and has no say in the folder. */
        record BadRow() implements Entry {
        }

        static Entry line(long bucket, long bytes) {
            return new Line(bucket, bytes);
        }

        static Entry badRow() {
            return new BadRow();
        }
    }

    /** Seal the open buffer, which holds {@code range}, for {@code reason}. */
    public record Seal(RotationReason reason, OffsetRange range) {
    }

    /**
     * Open a buffer at {@code firstOffset}; {@code pinnedTo} is the stored range it replays (it will be cut exactly at
     * its end), or null. {@code straddles} is true when the position lies inside that range rather than at its start.
     */
    public record Open(long firstOffset, OffsetRange pinnedTo, boolean straddles) {
    }

    /** What to do with one record, in order: seal the open buffer, open a new one, add the record, seal again. */
    public record RecordSteps(Seal sealBefore, Open open, Seal sealAfter) {
    }

    private final BufferConfig limits;
    private final NavigableSet<OffsetRange> stored;
    private long committed;
    private long committable;

    private boolean open;
    private long first;
    private long last;
    private long openedAtNanos;
    private int records;
    private long lineBytes;
    private boolean hasLines;
    private long timeBucket;
    private OffsetRange pinnedTo;

    /**
     * @param stored   ranges earlier runs stored at or beyond {@code position}
     * @param position the partition's committed offset (where consumption starts)
     */
    public BatchPlan(BufferConfig limits, NavigableSet<OffsetRange> stored, long position) {
        this.limits = Objects.requireNonNull(limits);
        this.stored = new TreeSet<>(stored);
        this.committed = position;
        this.committable = position;
    }

    /**
     * Before a record at {@code offset} is decoded: the open buffer is sealed if the record lies beyond the stored
     * range it replays, or if the record lies in a stored range the (unpinned) buffer would otherwise overlap.
     */
    public Seal beforeRecord(long offset) {
        if (!open) {
            return null;
        }
        if (pinnedTo != null) {
            return offset > pinnedTo.last() ? seal(RotationReason.STORED_RANGE) : null;
        }
        OffsetRange next = storedAtOrAfter(offset);
        return next != null && next.first() <= offset ? seal(RotationReason.STORED_RANGE) : null;
    }

    /** A decoded record at {@code offset}, read at {@code nowNanos}: the steps to buffer it. */
    public RecordSteps onRecord(long offset, Entry entry, long nowNanos) {
        Seal before = null;
        if (entry instanceof Entry.Line line && open && pinnedTo == null && hasLines && line.bucket() > timeBucket) {
            before = seal(RotationReason.TIME_PARTITION);
        }
        Open opened = null;
        if (!open) {
            OffsetRange replay = storedAtOrAfter(offset);
            OffsetRange pin = null;
            if (replay != null && replay.first() <= offset) {
                pin = replay;
                stored.remove(replay);
            }
            open = true;
            first = offset;
            openedAtNanos = nowNanos;
            records = 0;
            lineBytes = 0;
            hasLines = false;
            pinnedTo = pin;
            opened = new Open(offset, pin, pin != null && pin.first() < offset);
        }
        last = offset;
        records++;
        if (entry instanceof Entry.Line line) {
            if (!hasLines) {
                hasLines = true;
                timeBucket = line.bucket();
            }
            lineBytes += line.bytes() + 1;
        }
        Seal after = null;
        if (pinnedTo != null) {
            if (offset >= pinnedTo.last()) {
                after = seal(RotationReason.STORED_RANGE);
            }
        } else if (records >= limits.maxRecords()) {
            after = seal(RotationReason.RECORDS);
        } else if (lineBytes >= limits.maxBytes()) {
            after = seal(RotationReason.BYTES);
        }
        return new RecordSteps(before, opened, after);
    }

    /** After a poll: seals an unpinned buffer that has been open for {@code buffer.max-delay}. */
    public Seal onTick(long nowNanos) {
        if (open && pinnedTo == null && nowNanos - openedAtNanos >= limits.maxDelay().toNanos()) {
            return seal(RotationReason.TIME);
        }
        return null;
    }

    /**
     * On revocation or shutdown: the seal of the open buffer for {@code reason}, or null when there is nothing to
     * write: no open buffer, or a partial replay of a stored range (writing it would overlap that range; the next
     * owner re-reads it), which is dropped. Afterwards the plan has no open buffer.
     */
    public Seal drain(RotationReason reason) {
        if (!open) {
            return null;
        }
        if (pinnedTo != null) {
            open = false;
            pinnedTo = null;
            return null;
        }
        return seal(reason);
    }

    /** The object holding {@code range} is stored (and its bad rows acknowledged). */
    public void onStored(OffsetRange range) {
        committable = Math.max(committable, range.last() + 1);
    }

    /** The offset to commit now, if any: everything before it is stored and it is beyond the last commit. */
    public OptionalLong commitDue() {
        return committable > committed ? OptionalLong.of(committable) : OptionalLong.empty();
    }

    /** {@code offset} was committed. */
    public void onCommitted(long offset) {
        committed = Math.max(committed, offset);
    }

    /** The first offset not yet known to be stored. */
    public long committable() {
        return committable;
    }

    public long committed() {
        return committed;
    }

    public boolean hasOpenBuffer() {
        return open;
    }

    /** The stored range the open buffer replays, or null. */
    public OffsetRange pinnedTo() {
        return pinnedTo;
    }

    /** Ranges stored by earlier runs that no buffer has replayed yet. */
    public NavigableSet<OffsetRange> remainingStored() {
        return java.util.Collections.unmodifiableNavigableSet(stored);
    }

    private Seal seal(RotationReason reason) {
        Seal s = new Seal(reason, new OffsetRange(first, last));
        open = false;
        pinnedTo = null;
        return s;
    }

    /** The stored range containing {@code offset}, or the next one after it. */
    private OffsetRange storedAtOrAfter(long offset) {
        for (OffsetRange r : stored) {
            if (r.last() >= offset) {
                return r;
            }
        }
        return null;
    }
}
