package dev.tributary.infra.kafka;

import dev.tributary.infra.net.BindAddress;
import dev.tributary.infra.net.OwnerOnlyDirectories;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Time;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real single-node Kafka cluster (KRaft, broker and controller in one process) running inside this JVM.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.builder().start()) {
 *     kafka.createTopic("events", 3);
 *     producerProps.put("bootstrap.servers", kafka.bootstrapServers());
 * }
 * }</pre>
 *
 * Internal topics are sized for one node (replication factor 1, one partition each), so consumer groups,
 * Kafka Streams and exactly-once transactions work without further configuration. With {@link Builder#dataDir}
 * the node keeps its cluster id, topics and records across restarts.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private final BindAddress bindAddress;
    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final boolean deleteDataDirOnClose;
    private final Map<String, String> brokerOverrides;

    private KafkaRaftServer server;
    private String clusterId;

    private EmbeddedKafka(Builder builder) {
        this.bindAddress = builder.bindAddress;
        this.port = FreePort.orPick(builder.port);
        this.controllerPort = FreePort.orPick(builder.controllerPort);
        this.deleteDataDirOnClose = builder.dataDir == null;
        this.dataDir = builder.dataDir != null ? builder.dataDir.toAbsolutePath() : createTempDir();
        this.brokerOverrides = Map.copyOf(builder.brokerProperties);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Formats the data directory unless it already is, then starts the node and returns once the broker
     * is unfenced and answers metadata requests.
     */
    public synchronized EmbeddedKafka start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        OwnerOnlyDirectories.create(dataDir);
        clusterId = new KRaftStorage(dataDir).formatIfNeeded(NODE_ID, CONTROLLER_LISTENER);
        KafkaRaftServer starting = new KafkaRaftServer(KafkaConfig.fromProps(brokerConfig(), false), Time.SYSTEM);
        try {
            starting.startup();
            server = starting;
            awaitBrokerReady();
        } catch (RuntimeException e) {
            shutdown(starting);
            server = null;
            throw e;
        }
        return this;
    }

    /** The value for {@code bootstrap.servers}: {@code localhost:PORT} (the interface's address for other binds). */
    public String bootstrapServers() {
        return bindAddress.clientHost() + ":" + port;
    }

    /** The interface both listeners are bound to; loopback unless the builder said otherwise. */
    public BindAddress bindAddress() {
        return bindAddress;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The cluster id read from, or written to, {@code meta.properties}; null before {@link #start()}. */
    public synchronized String clusterId() {
        return clusterId;
    }

    /** Creates a topic with replication factor 1; a topic that already exists is left as it is. */
    public void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    /** Creates a topic with replication factor 1 and the given topic configs, e.g. {@code cleanup.policy=compact}. */
    public void createTopic(String name, int partitions, Map<String, String> topicConfigs) {
        NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.of((short) 1)).configs(topicConfigs);
        try (Admin admin = Admin.create(adminConfig())) {
            admin.createTopics(List.of(topic)).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating topic " + name, e);
        }
    }

    /**
     * Every committed record the topic holds now, partition by partition, read from the beginning to the end
     * offsets taken at the start (records of aborted or open transactions are skipped, as consumers with
     * {@code isolation.level=read_committed} see them). For tests that count what reached a topic.
     *
     * @throws IllegalStateException when the end is not reached within 30 s
     */
    public List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(ADMIN_TIMEOUT_SECONDS))
                    .stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(ADMIN_TIMEOUT_SECONDS));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read topic " + topic + " to its end offsets " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** Stops the node and waits for it; deletes the data directory if it was a temporary one. */
    @Override
    public synchronized void close() {
        if (server != null) {
            shutdown(server);
            server = null;
        }
        if (deleteDataDirOnClose) {
            deleteRecursively(dataDir);
        }
    }

    private Properties brokerConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(NODE_ID));
        // The listeners name the interface literally: "localhost" would leave the choice to the resolver.
        String listenerHost = bindAddress.literal();
        config.put("controller.quorum.voters", NODE_ID + "@" + bindAddress.clientHost() + ":" + controllerPort);
        config.put("listeners", BROKER_LISTENER + "://" + listenerHost + ":" + port + ","
                + CONTROLLER_LISTENER + "://" + listenerHost + ":" + controllerPort);
        config.put("advertised.listeners", BROKER_LISTENER + "://" + bindAddress.clientHost() + ":" + port);
        config.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("inter.broker.listener.name", BROKER_LISTENER);
        config.put("log.dirs", dataDir.toString());

        // One node: every internal topic has one replica, and one partition keeps first use of groups/transactions fast.
        config.put("num.partitions", "1");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        config.put("auto.create.topics.enable", "true");
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("share.coordinator.state.topic.num.partitions", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("group.streams.initial.rebalance.delay.ms", "0");

        // Tests run several of these on small machines: fewer threads and a small cleaner buffer (default 128 MiB).
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "2");
        config.put("background.threads", "2");
        config.put("num.recovery.threads.per.data.dir", "1");
        config.put("log.cleaner.threads", "1");
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));

        config.putAll(brokerOverrides);
        Properties properties = new Properties();
        properties.putAll(config);
        return properties;
    }

    private Map<String, Object> adminConfig() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(ADMIN_TIMEOUT_SECONDS));
    }

    private void awaitBrokerReady() {
        try (Admin admin = Admin.create(adminConfig())) {
            admin.describeCluster().nodes().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("broker on " + bootstrapServers() + " did not become ready", e);
        }
    }

    private static void shutdown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("embedded-kafka-", OwnerOnlyDirectories.ATTRIBUTE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary Kafka data directory", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Leftovers in the temp dir are harmless; failing close() would hide the test's own outcome.
        }
    }

    /** Settings for an {@link EmbeddedKafka}; everything has a working default. */
    public static final class Builder {

        private BindAddress bindAddress = BindAddress.LOOPBACK;
        private int port;
        private int controllerPort;
        private Path dataDir;
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();

        private Builder() {
        }

        /** Client (PLAINTEXT) port; 0, the default, picks a free one. */
        public Builder port(int port) {
            this.port = requirePort(port);
            return this;
        }

        /** Interface of the client and controller listeners; default loopback (this machine only). */
        public Builder bindAddress(BindAddress bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        /** KRaft controller port; 0, the default, picks a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = requirePort(controllerPort);
            return this;
        }

        /** A persistent data directory, kept on close and reused on the next start; default is a temp dir. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /** Whether producing to or fetching from an unknown topic creates it; default true. */
        public Builder autoCreateTopics(boolean enabled) {
            return brokerProperty("auto.create.topics.enable", String.valueOf(enabled));
        }

        /** Any broker config, applied last so it overrides the single-node defaults. */
        public Builder brokerProperty(String name, String value) {
            brokerProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public EmbeddedKafka build() {
            return new EmbeddedKafka(this);
        }

        /** Shorthand for {@code build().start()}. */
        public EmbeddedKafka start() {
            return build().start();
        }

        private static int requirePort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            return port;
        }
    }
}
