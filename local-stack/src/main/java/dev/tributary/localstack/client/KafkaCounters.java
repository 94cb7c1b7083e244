package dev.tributary.localstack.client;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Offsets of the stack's topics and the lag of its consumer groups, read with Kafka's Admin API: what the stages
 * have written and how far behind each reader is, without consuming anything.
 */
public final class KafkaCounters implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;

    public KafkaCounters(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.CLIENT_ID_CONFIG, "tributary-pipeline-cli"));
    }

    /** The partitions of {@code topic}. */
    public List<TopicPartition> partitions(String topic) {
        return get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    /**
     * The end offset of every partition of {@code topic}: the next offset to be written, so the difference of two
     * readings is the number of records in between for a topic without transactions (the collector's raw topic).
     */
    public Map<TopicPartition, Long> endOffsets(String topic) {
        return latest(partitions(topic));
    }

    public static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Where every consumer group of the stack stands: per partition, its committed offset and the partition's last
     * stable offset. The difference counts offsets, not records: a topic written with transactions (stream-enrich's
     * outputs) has a commit marker after each transaction, which a consumer never receives, so a group that has
     * read everything can stand one offset short. {@link TopicReader#recordsBetween} counts the records.
     */
    public Map<String, List<PartitionLag>> consumerGroupOffsets() {
        Collection<GroupListing> groups = get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all());
        Map<String, List<PartitionLag>> lags = new TreeMap<>();
        for (GroupListing group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    get(admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata());
            committed.values().removeIf(Objects::isNull);
            Map<TopicPartition, Long> ends = latest(committed.keySet());
            lags.put(group.groupId(), committed.entrySet().stream()
                    .map(e -> new PartitionLag(e.getKey(), e.getValue().offset(), ends.getOrDefault(e.getKey(),
                            e.getValue().offset())))
                    .sorted(Comparator.comparing(l -> l.partition().toString()))
                    .toList());
        }
        return lags;
    }

    /** One partition of a consumer group: its committed offset and the partition's last stable offset. */
    public record PartitionLag(TopicPartition partition, long committed, long end) {
        public long offsets() {
            return Math.max(0, end - committed);
        }
    }

    private Map<TopicPartition, Long> latest(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        // Read-committed: the last stable offset, so an open transaction is not counted as lag.
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> offsets = new TreeMap<>(Comparator.comparing(TopicPartition::toString));
        get(admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all())
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Kafka", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + TIMEOUT.toSeconds() + " s", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
