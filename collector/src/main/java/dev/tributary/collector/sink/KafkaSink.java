package dev.tributary.collector.sink;

import dev.tributary.collector.config.CollectorConfig.SinkSettings;
import dev.tributary.schemas.avro.CollectorPayload;
import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.badrows.SizeViolation;
import dev.tributary.schemas.registry.HttpSchemaRegistryClient;
import dev.tributary.schemas.serde.AvroSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each request's payload to the raw topic (and its size violations to the bad topic) and completes
 * only when Kafka acknowledged every one of those records. Any failure (broker unreachable, buffer full,
 * delivery timeout) fails the whole request, so the caller never acknowledges part of it.
 *
 * <p>{@code send()} may block (metadata, full buffer) and the first serialisation talks to the registry, so
 * both run on the sink's own bounded pool, never on an HTTP event loop.
 */
public final class KafkaSink implements Sink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);
    /** How often an unhealthy sink asks the brokers whether it can write again (see {@link BrokerProbe}). */
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(2);

    private final SinkSettings settings;
    private final Producer<byte[], byte[]> producer;
    private final PayloadSplitter splitter;
    private final ExecutorService senders;
    private final AtomicBoolean healthy = new AtomicBoolean(true);
    private final SinkListener listener;
    private final Duration requestDeadline;
    private final ByteBudget budget;
    private final BrokerProbe brokerProbe;

    /** Callbacks for metrics; all methods may be called from any thread. */
    public interface SinkListener {
        void acknowledged(SinkOutcome outcome);

        void failed(Throwable cause);

        /** A request was refused because {@code sink.max-buffered-bytes} were already waiting for Kafka. */
        default void bufferFull() {
        }

        SinkListener NONE = new SinkListener() {
            @Override
            public void acknowledged(SinkOutcome outcome) {
            }

            @Override
            public void failed(Throwable cause) {
            }
        };
    }

    public KafkaSink(SinkSettings settings, int maxPayloadSize, Processor processor, SinkListener listener) {
        this.settings = settings;
        this.listener = listener;
        AvroSerializer<CollectorPayload> serializer =
                new AvroSerializer<>(new HttpSchemaRegistryClient(URI.create(settings.schemaRegistryUrl())));
        this.splitter = new PayloadSplitter(p -> serializer.serialize(settings.goodTopic(), p),
                settings.maxRecordBytes(), maxPayloadSize, processor);
        Properties producerProperties = ProducerSettings.of(settings, "tributary-collector-" + UUID.randomUUID());
        this.producer = new KafkaProducer<>(producerProperties);
        AtomicInteger threadIds = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(settings.sendThreads(), settings.sendThreads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(10_000), r -> {
                    Thread t = new Thread(r, "collector-sink-" + threadIds.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        // Belt and braces: the producer always calls back by delivery.timeout.ms, but a request must never hang.
        this.requestDeadline = settings.maxBlock().plus(settings.deliveryTimeout()).plusSeconds(5);
        this.budget = new ByteBudget(settings.maxBufferedBytes());
        this.brokerProbe = new BrokerProbe(producerProperties, settings.goodTopic(), healthy, PROBE_INTERVAL,
                settings.maxBlock().compareTo(PROBE_INTERVAL) < 0 ? settings.maxBlock() : PROBE_INTERVAL);
        warmUp(serializer);
    }

    /**
     * Registers the payload schema and fetches both topics' metadata in the background, so the first tracker
     * request after a start does not pay for them (on a busy machine that took seconds, longer than some
     * trackers wait). Its own thread, not a sender: with the broker down it blocks up to {@code max.block.ms}.
     * A failure changes nothing: the first request does the same work and reports it.
     */
    private void warmUp(AvroSerializer<CollectorPayload> serializer) {
        Thread warmUp = new Thread(() -> {
            try {
                serializer.schemaId(settings.goodTopic(), CollectorPayload.getClassSchema());
                producer.partitionsFor(settings.goodTopic());
                producer.partitionsFor(settings.badTopic());
                LOG.atDebug().log("sink warmed up: schema registered, topic metadata fetched");
            } catch (RuntimeException e) {
                LOG.atInfo().addKeyValue("reason", e.getMessage())
                        .log("sink warm-up did not finish; the first request will retry it");
            }
        }, "collector-sink-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** Bytes of accepted requests not yet answered by Kafka; never above {@link #maxBufferedBytes()}. */
    @Override
    public long bufferedBytes() {
        return budget.used();
    }

    @Override
    public long maxBufferedBytes() {
        return budget.limit();
    }

    /** The producer, for metrics binding. */
    public Producer<byte[], byte[]> producer() {
        return producer;
    }

    @Override
    public boolean healthy() {
        return healthy.get();
    }

    /**
     * Stores the payload. Completes normally once every record is acknowledged, exceptionally with a
     * {@link SinkUnavailableException} otherwise (at once when the buffer has no room for it).
     *
     * @param partitionKey the record key; empty for a random one (spreads load, carries nothing about the client)
     */
    @Override
    public CompletableFuture<SinkOutcome> store(CollectorPayload payload, Optional<String> partitionKey) {
        long bytes = PayloadSize.estimate(payload);
        if (!budget.tryAcquire(bytes)) {
            // Load shedding, not a Kafka failure: sink health is left alone.
            listener.bufferFull();
            return CompletableFuture.failedFuture(new SinkBufferFullException(budget.limit()));
        }
        CompletableFuture<SinkOutcome> result = new CompletableFuture<>();
        try {
            senders.execute(() -> sendAll(payload, partitionKey, result));
        } catch (RejectedExecutionException e) {
            budget.release(bytes);
            fail(result, new SinkUnavailableException("sink queue full", e));
            return result;
        }
        return result.orTimeout(requestDeadline.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((outcome, error) -> budget.release(bytes))
                .exceptionallyCompose(e -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null
                            ? e.getCause() : e;
                    if (!(cause instanceof SinkUnavailableException)) {
                        cause = new SinkUnavailableException("no acknowledgement: " + cause, cause);
                        healthy.set(false);
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }

    private void sendAll(CollectorPayload payload, Optional<String> partitionKey, CompletableFuture<SinkOutcome> result) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        SinkOutcome outcome;
        try {
            PayloadSplitter.Split split = splitter.split(payload);
            byte[] key = partitionKey.orElseGet(KafkaSink::randomKey).getBytes(StandardCharsets.UTF_8);
            for (PayloadSplitter.Serialized good : split.good()) {
                records.add(new ProducerRecord<>(settings.goodTopic(), key, good.bytes()));
            }
            for (SizeViolation bad : split.bad()) {
                records.add(new ProducerRecord<>(settings.badTopic(), null,
                        bad.toJsonLine().getBytes(StandardCharsets.UTF_8)));
            }
            outcome = new SinkOutcome(split.good().size(), split.bad().size());
        } catch (RuntimeException e) {
            // Serialisation needs the registry; without it nothing can be stored.
            fail(result, new SinkUnavailableException("could not serialise payload: " + e.getMessage(), e));
            return;
        }

        AtomicInteger pending = new AtomicInteger(records.size());
        for (ProducerRecord<byte[], byte[]> record : records) {
            try {
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        fail(result, new SinkUnavailableException("Kafka did not acknowledge a record: " + error, error));
                    } else if (pending.decrementAndGet() == 0) {
                        healthy.set(true);
                        listener.acknowledged(outcome);
                        result.complete(outcome);
                    }
                });
            } catch (RuntimeException e) {
                // Buffer full or no metadata within max.block.ms; records already sent may still land,
                // which at-least-once allows: the client retries the whole request.
                fail(result, new SinkUnavailableException("Kafka refused a record: " + e, e));
                return;
            }
        }
    }

    /** A partition key only spreads load, so it needs no cryptographic randomness (unlike the nuid). */
    private static String randomKey() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                .toString();
    }

    private void fail(CompletableFuture<SinkOutcome> result, SinkUnavailableException e) {
        healthy.set(false);
        if (result.completeExceptionally(e)) {
            listener.failed(e);
            LOG.atWarn().addKeyValue("reason", e.getMessage()).log("sink failure");
        }
    }

    /** Sends what is buffered and waits for it, up to {@code timeout}. */
    @Override
    public void close() {
        close(settings.deliveryTimeout());
    }

    @Override
    public void close(Duration timeout) {
        brokerProbe.close();
        senders.shutdown();
        try {
            senders.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.flush();
        producer.close(timeout);
    }
}
