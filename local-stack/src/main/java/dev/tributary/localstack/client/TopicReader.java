package dev.tributary.localstack.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads one topic from given offsets and counts its records by a classifier (the bad-row type, say). It reads
 * committed records only, as every consumer of the stack does: the topics stream-enrich writes are transactional,
 * and their offsets include commit markers, so counting records is the only exact count of events. It never joins
 * a consumer group (assigned partitions, no commits), so it disturbs no one.
 */
public final class TopicReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Function<byte[], String> classifier;
    private final Map<String, Long> counts = new TreeMap<>();
    private long total;

    /** Reads {@code topic} from {@code start} (every partition of the topic must be in it). */
    public TopicReader(String bootstrapServers, Map<TopicPartition, Long> start, Function<byte[], String> classifier) {
        this.consumer = consumer(bootstrapServers);
        this.classifier = classifier;
        consumer.assign(start.keySet());
        start.forEach(consumer::seek);
    }

    /** Reads what has arrived (one poll) and returns the total so far. */
    public long poll() {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
            total++;
            counts.merge(classifier.apply(record.value()), 1L, Long::sum);
        }
        return total;
    }

    public long total() {
        return total;
    }

    /** Records read so far, by class, in name order. */
    public Map<String, Long> counts() {
        return new TreeMap<>(counts);
    }

    /**
     * Committed records of {@code topic} with a timestamp at or after {@code since}: found by the broker's time index
     * ({@code offsetsForTimes}), then read to the end, so the answer is exact at the moment of asking.
     */
    public static long recordsSince(String bootstrapServers, String topic, Instant since, List<TopicPartition> partitions) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            Map<TopicPartition, Long> query = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
            partitions.forEach(p -> query.put(p, since.toEpochMilli()));
            consumer.assign(partitions); // before asking for offsets: the consumer keeps stable offsets of its own only
            Map<TopicPartition, OffsetAndTimestamp> from = consumer.offsetsForTimes(query, KafkaCounters.TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, KafkaCounters.TIMEOUT);
            long count = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp first = from.get(partition);
                consumer.seek(partition, first == null ? end.get(partition) : first.offset());
            }
            Instant deadline = Instant.now().plus(KafkaCounters.TIMEOUT);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("reading the last minute of " + topic + " took longer than "
                            + KafkaCounters.TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.timestamp() >= since.toEpochMilli()) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    /** Beyond this many offsets behind, a partition's lag is its offset difference (markers are noise there). */
    static final long COUNT_UP_TO = 10_000;

    /**
     * The committed records between each partition's {@code committed} and {@code end} offsets: what a consumer group
     * really has left to read. Read up to {@link #COUNT_UP_TO} offsets per partition; further behind, the offset
     * difference is the answer.
     */
    public static long recordsBetween(String bootstrapServers, List<KafkaCounters.PartitionLag> lags) {
        List<KafkaCounters.PartitionLag> toRead = lags.stream()
                .filter(l -> l.offsets() > 0 && l.offsets() <= COUNT_UP_TO).toList();
        long records = lags.stream().filter(l -> l.offsets() > COUNT_UP_TO)
                .mapToLong(KafkaCounters.PartitionLag::offsets).sum();
        if (toRead.isEmpty()) {
            return records;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = toRead.stream().map(KafkaCounters.PartitionLag::partition).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = new java.util.HashMap<>();
            for (KafkaCounters.PartitionLag lag : toRead) {
                consumer.seek(lag.partition(), lag.committed());
                end.put(lag.partition(), lag.end());
            }
            Instant deadline = Instant.now().plus(KafkaCounters.TIMEOUT);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("counting consumer lag took longer than "
                            + KafkaCounters.TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records++;
                    }
                }
            }
            return records;
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.CLIENT_ID_CONFIG, "tributary-pipeline-cli",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
