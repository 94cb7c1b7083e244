package dev.tributary.collector.metrics;

import dev.tributary.collector.sink.KafkaSink;
import dev.tributary.collector.sink.Sink;
import dev.tributary.collector.sink.SinkOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.Producer;

/**
 * The collector's Prometheus metrics: requests by endpoint/method/status, latency histogram, request bytes,
 * sink health, records and bad rows acknowledged, sink failures, and the producer's own metrics (buffer use
 * as {@code kafka_producer_buffer_available_bytes} / {@code kafka_producer_buffer_total_bytes}). The registry
 * is the service's ({@code ServiceContext.registry()}): whoever created it serves and closes it.
 */
public final class CollectorMetrics implements KafkaSink.SinkListener, AutoCloseable {

    private final PrometheusMeterRegistry registry;
    private final DistributionSummary requestBytes;
    private final Counter rawRecords;
    private final Counter badRows;
    private final Counter sinkFailures;
    private final ConcurrentMap<RequestLabels, RequestMeters> requestMeters = new ConcurrentHashMap<>();
    private final Map<Limit, Counter> limitRejections = new EnumMap<>(Limit.class);
    private KafkaClientMetrics producerMetrics;

    public CollectorMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        requestBytes = DistributionSummary.builder("collector.request.bytes")
                .description("Size of request bodies")
                .baseUnit("bytes")
                .register(registry);
        rawRecords = Counter.builder("collector.raw.records").description("Records acknowledged on the raw topic")
                .register(registry);
        badRows = Counter.builder("collector.bad.rows").tag("type", "size_violation")
                .description("Bad rows acknowledged on the bad topic").register(registry);
        sinkFailures = Counter.builder("collector.sink.failures")
                .description("Requests answered 503 because Kafka did not acknowledge them").register(registry);
        // Registered up front: a series that appears only once a limit is hit is easy to miss in a dashboard.
        for (Limit limit : Limit.values()) {
            limitRejections.put(limit, Counter.builder("collector.limit.rejections").tag("limit", limit.label)
                    .description("Connections or requests refused (503 or closed) because a limit was reached")
                    .register(registry));
        }
    }

    public void limitHit(Limit limit) {
        limitRejections.get(limit).increment();
    }

    public void bindConnections(IntSupplier open) {
        Gauge.builder("collector.connections.open", open, IntSupplier::getAsInt).strongReference(true)
                .description("Open HTTP connections").register(registry);
    }

    public void bindSinkBuffer(LongSupplier buffered, long limit) {
        Gauge.builder("collector.sink.buffered.bytes", buffered, s -> (double) s.getAsLong()).strongReference(true)
                .baseUnit("bytes")
                .description("Bytes of requests accepted and not yet acknowledged by Kafka").register(registry);
        Gauge.builder("collector.sink.buffer.limit.bytes", () -> limit).strongReference(true).baseUnit("bytes")
                .description("sink.max-buffered-bytes").register(registry);
    }

    public void bindSink(Sink sink) {
        Gauge.builder("collector.sink.healthy", sink, s -> s.healthy() ? 1 : 0).strongReference(true)
                .description("1 while Kafka acknowledges writes, 0 after a failure").register(registry);
    }

    /** The producer's own metrics ({@code kafka_producer_*}); unbound again by {@link #close()}. */
    public void bindProducer(Producer<?, ?> producer) {
        producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(registry);
    }

    public void bindInFlight(IntSupplier inFlight) {
        // Strong references: a gauge holds its state object weakly, and a method reference is garbage at once.
        Gauge.builder("collector.requests.in.flight", inFlight, IntSupplier::getAsInt).strongReference(true)
                .description("Tracking requests waiting for Kafka").register(registry);
    }

    /**
     * Counts one answered request. Every label comes from a closed set, so no request can add series:
     * {@code endpoint} is a route kind chosen by the server (never the raw path), {@code method} is folded by
     * {@link MethodLabel}, and {@code status} is a code the server itself answered with.
     */
    public void request(String endpoint, String method, int status, Duration latency) {
        MethodLabel methodLabel = MethodLabel.of(method);
        // Looked up once per label set: building and registering meters on every request costs more than
        // the rest of a pixel response.
        RequestMeters meters = requestMeters.computeIfAbsent(new RequestLabels(endpoint, methodLabel, status), labels -> {
            String code = Integer.toString(labels.status());
            String m = labels.method().label();
            return new RequestMeters(
                    Counter.builder("http.requests").tags("endpoint", endpoint, "method", m, "code", code)
                            .register(registry),
                    Timer.builder("http.request.duration").tags("endpoint", endpoint, "method", m, "code", code)
                            .publishPercentileHistogram().register(registry));
        });
        meters.count().increment();
        meters.duration().record(latency);
    }

    private record RequestLabels(String endpoint, MethodLabel method, int status) {
    }

    private record RequestMeters(Counter count, Timer duration) {
    }

    public void requestBytes(int bytes) {
        requestBytes.record(bytes);
    }

    @Override
    public void acknowledged(SinkOutcome outcome) {
        rawRecords.increment(outcome.rawRecords());
        badRows.increment(outcome.badRows());
    }

    @Override
    public void failed(Throwable cause) {
        sinkFailures.increment();
    }

    @Override
    public void bufferFull() {
        limitHit(Limit.SINK_BUFFER);
    }

    @Override
    public void close() {
        if (producerMetrics != null) {
            producerMetrics.close();
        }
    }
}
