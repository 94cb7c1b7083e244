package dev.tributary.infra.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.tributary.infra.net.BindAddress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Confluent-compatible Avro schema registry over HTTP, storing its schemas and config in a compacted Kafka
 * topic (default {@code _schemas}) the way Confluent's does, so ids, versions and levels survive a restart for
 * as long as the topic does.
 *
 * <pre>{@code
 * try (SchemaRegistryServer registry = SchemaRegistryServer.builder(kafka.bootstrapServers()).start()) {
 *     serdeConfig.put("schema.registry.url", registry.url());
 * }
 * }</pre>
 */
public final class SchemaRegistryServer implements AutoCloseable {

    public static final String DEFAULT_TOPIC = "_schemas";

    private static final int HANDLER_THREADS = 4;
    // JDK 17's HttpServer.stop(n) waits the full n seconds even when idle, so stop at once and let the
    // handler pool finish requests already in flight instead.
    private static final int STOP_DELAY_SECONDS = 0;
    private static final int HANDLER_GRACE_SECONDS = 5;

    private final String bootstrapServers;
    private final BindAddress bindAddress;
    private final int requestedPort;
    private final String topic;
    private final Duration storeTimeout;

    private KafkaStore store;
    private HttpServer http;
    private ExecutorService handlers;

    private SchemaRegistryServer(Builder builder) {
        this.bootstrapServers = builder.bootstrapServers;
        this.bindAddress = builder.bindAddress;
        this.requestedPort = builder.port;
        this.topic = builder.topic;
        this.storeTimeout = builder.storeTimeout;
    }

    public static Builder builder(String bootstrapServers) {
        return new Builder(bootstrapServers);
    }

    /** Reads the schemas topic to its end, then starts answering HTTP requests. */
    public synchronized SchemaRegistryServer start() {
        if (http != null) {
            throw new IllegalStateException("already started");
        }
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        RegistryState state = new RegistryState();
        StoreCodec codec = new StoreCodec(json);
        store = new KafkaStore(bootstrapServers, topic, storeTimeout, (key, value) -> state.apply(codec.decode(key, value)));
        try {
            store.start();
            SchemaRegistry registry = new SchemaRegistry(state, store, codec, new CompatibilityChecker());
            http = HttpServer.create(bindAddress.socketAddress(requestedPort), 0);
            handlers = Executors.newFixedThreadPool(HANDLER_THREADS, handlerThreads());
            http.setExecutor(handlers);
            http.createContext("/", new RegistryHttpHandler(registry, json));
            http.start();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot listen on " + bindAddress.literal() + ":" + requestedPort, e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /** {@code http://localhost:PORT}, the value for {@code schema.registry.url}. */
    public String url() {
        return "http://" + bindAddress.clientHost() + ":" + port();
    }

    public BindAddress bindAddress() {
        return bindAddress;
    }

    public synchronized int port() {
        if (http == null) {
            throw new IllegalStateException("not started");
        }
        return http.getAddress().getPort();
    }

    public String topic() {
        return topic;
    }

    @Override
    public synchronized void close() {
        if (http != null) {
            http.stop(STOP_DELAY_SECONDS);
            http = null;
        }
        if (handlers != null) {
            handlers.shutdown();
            try {
                handlers.awaitTermination(HANDLER_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handlers = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
    }

    private static ThreadFactory handlerThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "schema-registry-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Settings for a {@link SchemaRegistryServer}. */
    public static final class Builder {

        private final String bootstrapServers;
        private BindAddress bindAddress = BindAddress.LOOPBACK;
        private int port;
        private String topic = DEFAULT_TOPIC;
        private Duration storeTimeout = Duration.ofSeconds(30);

        private Builder(String bootstrapServers) {
            this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        }

        /** HTTP port; 0, the default, picks a free one (see {@link SchemaRegistryServer#url()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            this.port = port;
            return this;
        }

        /** Interface to listen on; default loopback (this machine only). */
        public Builder bindAddress(BindAddress bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        /** The compacted topic holding schemas and config; default {@value SchemaRegistryServer#DEFAULT_TOPIC}. */
        public Builder topic(String topic) {
            this.topic = Objects.requireNonNull(topic, "topic");
            return this;
        }

        /** Bound on reading the topic at start and on each write; default 30 s. */
        public Builder storeTimeout(Duration storeTimeout) {
            this.storeTimeout = Objects.requireNonNull(storeTimeout, "storeTimeout");
            return this;
        }

        public SchemaRegistryServer build() {
            return new SchemaRegistryServer(this);
        }

        /** Shorthand for {@code build().start()}. */
        public SchemaRegistryServer start() {
            return build().start();
        }
    }
}
