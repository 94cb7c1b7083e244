package dev.tributary.loader;

import dev.tributary.loader.buffer.RecordDecoder;
import dev.tributary.loader.config.LoaderConfig;
import dev.tributary.loader.consume.BadRowSink;
import dev.tributary.loader.consume.LoaderHooks;
import dev.tributary.loader.consume.LoaderLoop;
import dev.tributary.loader.key.ObjectKeys;
import dev.tributary.loader.key.PartitionFormat;
import dev.tributary.loader.metrics.LoaderMetrics;
import dev.tributary.loader.upload.Backoff;
import dev.tributary.loader.upload.Encryption;
import dev.tributary.loader.upload.EncryptionProbe;
import dev.tributary.loader.upload.Retrier;
import dev.tributary.loader.upload.S3ClientFactory;
import dev.tributary.loader.upload.S3Writer;
import dev.tributary.loader.upload.SignerLogGuard;
import dev.tributary.loader.upload.StoredObjects;
import dev.tributary.runtime.monitoring.HealthStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One running loader: a consumer thread, an upload pool and a bad-row producer, with its meters on a given registry.
 * {@link #start} returns once the encryption probe passed; {@link #close} flushes, commits and stops. Run as a
 * process it is wrapped by {@link S3LoaderService}, which serves {@link #health()} and the meters through the
 * service runtime's monitoring server.
 */
public final class S3Loader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3Loader.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final LoaderConfig config;
    private final LoaderLoop loop;
    private final Thread thread;
    private final ExecutorService uploads;
    private final ExecutorService compressors;
    private final BadRowSink badRows;
    private final S3Client s3;
    private final boolean ownsS3;
    private final LoaderMetrics metrics;

    private S3Loader(LoaderConfig config, LoaderLoop loop, Thread thread, ExecutorService uploads,
                     ExecutorService compressors, BadRowSink badRows, S3Client s3, boolean ownsS3,
                     LoaderMetrics metrics) {
        this.config = config;
        this.loop = loop;
        this.thread = thread;
        this.uploads = uploads;
        this.compressors = compressors;
        this.badRows = badRows;
        this.s3 = s3;
        this.ownsS3 = ownsS3;
        this.metrics = metrics;
    }

    /** With an S3 client built from the config (default AWS credential chain), meters on {@code registry}. */
    public static S3Loader start(LoaderConfig config, MeterRegistry registry) {
        S3Client s3 = S3ClientFactory.create(config);
        try {
            return start(config, s3, true, LoaderHooks.NONE, registry);
        } catch (RuntimeException e) {
            s3.close();
            throw e;
        }
    }

    /**
     * With a caller's S3 client (kept open on close), e.g. one pointed at an embedded S3 server, and a registry of
     * its own (embedded loaders: local-stack, tests).
     */
    public static S3Loader start(LoaderConfig config, S3Client s3) {
        return start(config, s3, false, LoaderHooks.NONE, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    public static S3Loader start(LoaderConfig config, S3Client s3, LoaderHooks hooks) {
        return start(config, s3, false, hooks, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** With a caller's S3 client (kept open on close) and meters on {@code registry}. */
    public static S3Loader start(LoaderConfig config, S3Client s3, MeterRegistry registry) {
        return start(config, s3, false, LoaderHooks.NONE, registry);
    }

    private static S3Loader start(LoaderConfig config, S3Client s3, boolean ownsS3, LoaderHooks hooks,
                                  MeterRegistry registry) {
        if (config.encryption().mode() == dev.tributary.loader.config.EncryptionConfig.Mode.SSE_C) {
            SignerLogGuard.capSignerLogging(config.name());
        }
        Encryption encryption = new Encryption(config.encryption());
        PartitionFormat format = PartitionFormat.parse(config.s3().partitionFormat(), config.purpose());
        ObjectKeys keys = new ObjectKeys(config.s3().prefix(), format);
        LoaderMetrics metrics = new LoaderMetrics(registry, config.name(), config.purpose().name());
        Retrier retrier = new Retrier(new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff()),
                metrics);
        new EncryptionProbe(s3, config.s3().bucket(), keys.root(), encryption, retrier, Duration.ofMinutes(2)).check();
        S3Writer writer = new S3Writer(s3, config.s3().bucket(), keys, encryption, retrier,
                config.s3().multipartThreshold(), (int) config.s3().partSize());
        StoredObjects stored = new StoredObjects(s3, config.s3().bucket(), keys, retrier);

        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(config),
                new ByteArraySerializer(), new ByteArraySerializer());
        BadRowSink badRows = new BadRowSink(producer, config.badTopic(), Clock.systemUTC());
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(config),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        ExecutorService uploads = Executors.newFixedThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()),
                r -> daemon(r, config.name() + "-upload-" + THREADS.incrementAndGet()));
        ExecutorService compressors = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                r -> daemon(r, config.name() + "-gzip-" + THREADS.incrementAndGet()));
        LoaderLoop loop = new LoaderLoop(config.name(), consumer, config.input().topic(),
                RecordDecoder.forConfig(config), format, config.buffer(), writer, stored, badRows, uploads,
                compressors, metrics, hooks, Duration.ofSeconds(30),
                new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff()));
        Thread thread = daemon(loop, config.name() + "-consumer");
        thread.start();
        LOG.atInfo().addKeyValue("loader", config.name()).addKeyValue("purpose", config.purpose())
                .addKeyValue("topic", config.input().topic())
                .addKeyValue("destination", "s3://" + config.s3().bucket() + "/" + keys.root())
                .addKeyValue("encryption", config.encryption().mode().configValue()).log("loader started");
        return new S3Loader(config, loop, thread, uploads, compressors, badRows, s3, ownsS3, metrics);
    }

    /** Null while healthy; otherwise why {@code /health} answers 503. */
    private static String unhealthyReason(LoaderLoop loop) {
        Throwable failure = loop.failure();
        if (failure != null) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            // The root cause is what an operator acts on (403, NoSuchBucket ...); it names no record content.
            return "failed: " + failure.getMessage() + (root == failure ? "" : "; cause: " + root);
        }
        if (!loop.running()) {
            return "stopped";
        }
        return loop.degradedReason();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static Map<String, Object> consumerProperties(LoaderConfig config) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.input().bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.input().groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, config.name() + "-" + THREADS.incrementAndGet());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        // stream-enrich writes in transactions and rewrites an aborted one: its records must never be archived.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.putAll(config.input().consumerProperties());
        // Offsets are committed by the loader after upload, never by the client.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return p;
    }

    private static Map<String, Object> producerProperties(LoaderConfig config) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.input().bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, config.name() + "-bad-" + THREADS.incrementAndGet());
        p.putAll(config.producerProperties());
        return p;
    }

    public LoaderConfig config() {
        return config;
    }

    public LoaderMetrics metrics() {
        return metrics;
    }

    /**
     * The liveness check behind {@code /health} ({@code consumer-loop}): down once the loop failed or stopped, and
     * while the schema registry is unreachable. Cheap and non-blocking.
     */
    public HealthStatus health() {
        String reason = unhealthyReason(loop);
        return reason == null ? HealthStatus.healthy() : HealthStatus.unhealthy(reason);
    }

    /** True while consuming; false after close or a failure. */
    public boolean healthy() {
        return loop.running();
    }

    /** Null while the loader works; otherwise why not (failed, stopped, or the schema registry is down). */
    public String unhealthyReason() {
        return unhealthyReason(loop);
    }

    /**
     * Blocks until the consumer thread has ended, by {@link #close()} or by a failure; {@link #failure()} tells which.
     */
    public void awaitTermination() throws InterruptedException {
        thread.join();
    }

    /** The error that stopped the loader, if one did. */
    public Throwable failure() {
        return loop.failure();
    }

    /** True once the group gave this loader its first assignment (possibly empty). */
    public boolean assigned() {
        return loop.assignedOnce();
    }

    @Override
    public void close() {
        loop.stop();
        try {
            thread.join(Duration.ofSeconds(60).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        uploads.shutdownNow();
        compressors.shutdownNow();
        try {
            uploads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        badRows.close();
        if (ownsS3) {
            s3.close();
        }
        LOG.atInfo().addKeyValue("loader", config.name()).log("loader stopped");
    }
}
