package dev.tributary.enrich.output;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Raw records whose output Kafka refused, by source topic, partition and offset. Under exactly-once a refused send
 * leaves the transaction abortable, so Kafka Streams aborts it and reads the same raw record again; enrichment then
 * finds the record here and writes a small bad row in its place instead of failing on it forever.
 *
 * <p>Bounded: only the most recent {@link #CAPACITY} refusals are remembered (a refusal is needed only until its
 * record has been read again, which is the next thing the task does).
 */
public final class RefusedRecords {

    static final int CAPACITY = 10_000;

    /** Why Kafka refused a record: the closed set used as a metric tag. */
    public enum Reason {
        RECORD_TOO_LARGE("record_too_large"), INVALID_RECORD("invalid_record"), OTHER("other");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Reason of(Throwable e) {
            if (e instanceof RecordTooLargeException) {
                return RECORD_TOO_LARGE;
            }
            if (e instanceof InvalidRecordException) {
                return INVALID_RECORD;
            }
            return OTHER;
        }
    }

    /**
     * Where a raw record was read from. Every output record carries it in the {@link #HEADER} header: a send error
     * is reported asynchronously, when Kafka Streams' own record context has long moved on to later records, so
     * the failed record itself must say which raw record it came from.
     */
    public record Source(String topic, int partition, long offset) {

        public static final String HEADER = "tributary.source";

        public Source {
            Objects.requireNonNull(topic, "topic");
        }

        /** {@code partition:offset:topic} (topic last: Kafka topic names cannot contain a colon). */
        public byte[] toHeader() {
            return (partition + ":" + offset + ":" + topic).getBytes(StandardCharsets.UTF_8);
        }

        public static Optional<Source> fromHeader(byte[] value) {
            if (value == null) {
                return Optional.empty();
            }
            String[] parts = new String(value, StandardCharsets.UTF_8).split(":", 3);
            try {
                return parts.length == 3
                        ? Optional.of(new Source(parts[2], Integer.parseInt(parts[0]), Long.parseLong(parts[1])))
                        : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * @param attempts how often an output of this raw record was refused; each new attempt writes a smaller
     *                 replacement (see the topology)
     */
    public record Refusal(Destination destination, Reason reason, int refusedSizeBytes, int attempts) {
    }

    private final Map<Source, Refusal> refusals = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Source, Refusal> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Records a refusal of an output of {@code source}; returns it with its attempt count. */
    public synchronized Refusal refused(Source source, Destination destination, Reason reason, int sizeBytes) {
        Refusal previous = refusals.get(source);
        Refusal refusal = new Refusal(destination, reason, sizeBytes, previous == null ? 1 : previous.attempts() + 1);
        refusals.put(source, refusal);
        return refusal;
    }

    public synchronized Optional<Refusal> find(Source source) {
        return Optional.ofNullable(refusals.get(source));
    }

    public synchronized int size() {
        return refusals.size();
    }
}
