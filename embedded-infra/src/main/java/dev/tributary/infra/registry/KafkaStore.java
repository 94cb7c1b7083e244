package dev.tributary.infra.registry;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * A log of key/value records in a single-partition compacted topic, in the manner of Confluent's KafkaStore.
 * A reader thread feeds every record, in order, to a listener. A write returns only once the reader has passed
 * it, so a caller that writes and then reads its own state always sees its write.
 */
final class KafkaStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaStore.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

    private final String bootstrapServers;
    private final TopicPartition partition;
    private final Duration timeout;
    private final BiConsumer<String, String> listener;
    private final Object progress = new Object();

    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> consumer;
    private Thread reader;
    private volatile boolean running;
    private long position;
    private RuntimeException readerFailure;

    /**
     * @param timeout bound for topic creation, reading to the end on start, and each write
     * @param listener called on the reader thread with each record's key and value (null for a tombstone)
     */
    KafkaStore(String bootstrapServers, String topic, Duration timeout, BiConsumer<String, String> listener) {
        this.bootstrapServers = bootstrapServers;
        this.partition = new TopicPartition(topic, 0);
        this.timeout = timeout;
        this.listener = listener;
    }

    /** Creates the topic if missing and returns once everything already in it has reached the listener. */
    void start() {
        createTopicIfMissing();
        producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.LINGER_MS_CONFIG, 0),
            new StringSerializer(), new StringSerializer());
        consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
            new StringDeserializer(), new StringDeserializer());
        // Assigned, not subscribed: every server must read the whole topic, so there is no group to share it with.
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition), timeout).get(partition);

        running = true;
        reader = new Thread(this::readLoop, "schema-store-reader-" + partition.topic());
        reader.setDaemon(true);
        reader.start();
        awaitPosition(end);
    }

    /** Appends a record, waits for the broker's acknowledgement and for the listener to have seen it. */
    void append(String key, String value) {
        long offset;
        try {
            offset = producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), key, value))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.storeFailure("interrupted while writing to " + partition.topic(), e);
        } catch (ExecutionException e) {
            throw RegistryException.storeFailure("cannot write to " + partition.topic() + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw RegistryException.storeTimeout("write to " + partition.topic() + " timed out");
        }
        awaitPosition(offset + 1);
    }

    @Override
    public void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (reader == null && consumer != null) {
            consumer.close(); // start() failed before the reader took ownership
        }
        if (reader != null) {
            try {
                reader.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(timeout);
        }
    }

    private void createTopicIfMissing() {
        NewTopic topic = new NewTopic(partition.topic(), Optional.of(1), Optional.empty())
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create schemas topic " + partition.topic(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating schemas topic " + partition.topic(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating schemas topic " + partition.topic(), e);
        }
    }

    private void readLoop() {
        try (KafkaConsumer<String, String> owned = consumer) {
            while (running) {
                for (ConsumerRecord<String, String> record : owned.poll(POLL_TIMEOUT)) {
                    try {
                        listener.accept(record.key(), record.value());
                    } catch (RuntimeException e) {
                        // One bad record must not stop the registry from serving everything else.
                        log.warn("Skipping schemas topic record at offset {}: {}", record.offset(), e.toString());
                    }
                }
                long reached = owned.position(partition);
                synchronized (progress) {
                    position = reached;
                    progress.notifyAll();
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            log.error("Schemas topic reader for {} stopped", partition.topic(), e);
            synchronized (progress) {
                readerFailure = e;
                progress.notifyAll();
            }
        }
    }

    private void awaitPosition(long target) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (position < target) {
                if (readerFailure != null) {
                    throw RegistryException.storeFailure("schemas topic reader failed", readerFailure);
                }
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMillis <= 0) {
                    throw RegistryException.storeTimeout("reading " + partition.topic() + " up to offset " + target
                        + " timed out at offset " + position);
                }
                try {
                    progress.wait(remainingMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw RegistryException.storeFailure("interrupted while reading " + partition.topic(), e);
                }
            }
        }
    }
}
