package dev.tributary.enrich.app;

import dev.tributary.enrich.config.EnrichConfig;
import dev.tributary.enrich.enrichments.EnrichmentChain;
import dev.tributary.enrich.json.BoundedJsonReader;
import dev.tributary.enrich.output.RefusedRecords;
import dev.tributary.enrich.processing.RegistryBackoff;
import dev.tributary.enrich.processing.EventProcessor;
import dev.tributary.enrich.topology.EnrichMetrics;
import dev.tributary.enrich.topology.EnrichTopology;
import dev.tributary.schemas.avro.CollectorPayload;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.ResolverConfig;
import dev.tributary.schemas.serde.AvroDeserializer;
import dev.tributary.schemas.serde.AvroSerdeConfig;
import dev.tributary.schemas.serde.AvroSerializer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import dev.tributary.runtime.cli.Service;
import dev.tributary.runtime.cli.ServiceContext;
import dev.tributary.runtime.cli.Termination;
import dev.tributary.runtime.config.ConfigError;
import dev.tributary.runtime.monitoring.HealthRegistry;
import dev.tributary.runtime.monitoring.HealthStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * stream-enrich as a service-runtime {@link Service}: the Kafka Streams instance, its meters on the runtime's
 * registry and its health checks (served by the runtime on {@code /health}, {@code /ready}, {@code /metrics}).
 *
 * <p>{@link #create} validates everything it is given (resolver, enrichments) before any record is read: a
 * configuration error is a {@link ConfigError} naming the key, the file and the field (exit 2).
 *
 * <p>Health: liveness {@code kafka-streams} is down once the streams are in ERROR, PENDING_ERROR or NOT_RUNNING
 * (restarting the process is the remedy); readiness {@code kafka-streams} is up while they are RUNNING or
 * REBALANCING, readiness {@code schema-registry} is down while the registry cannot be reached (records wait and are
 * retried, so the process is alive but not processing).
 */
public final class StreamEnrichApp implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(StreamEnrichApp.class);

    private final KafkaStreams streams;
    private final EnrichMetrics metrics;
    private final EnrichmentChain chain;
    private final RegistryBackoff backoff;
    private final EnrichConfig config;
    private final Termination termination = new Termination();
    private final AtomicBoolean closed = new AtomicBoolean();

    private StreamEnrichApp(KafkaStreams streams, EnrichMetrics metrics, EnrichmentChain chain,
                            RegistryBackoff backoff, EnrichConfig config) {
        this.backoff = backoff;
        this.streams = streams;
        this.metrics = metrics;
        this.chain = chain;
        this.config = config;
    }

    /** The service-runtime factory: builds, does not start. */
    public static StreamEnrichApp create(EnrichConfig config, ServiceContext context) {
        return create(config, context.registry(), context.health());
    }

    /** {@link #create} then {@link #start}: for callers that run enrichment inside their own process (local-stack). */
    public static StreamEnrichApp start(EnrichConfig config, MeterRegistry registry, HealthRegistry health) {
        StreamEnrichApp app = create(config, registry, health);
        app.start();
        return app;
    }

    /**
     * Builds the topology and the streams instance, registers meters on {@code registry} and the checks on
     * {@code health}.
     *
     * @throws ConfigError for a resolver or enrichment file that fails validation, naming the key
     */
    public static StreamEnrichApp create(EnrichConfig config, MeterRegistry registry, HealthRegistry health) {
        Resolver resolver = resolver(config);
        EnrichmentChain chain = EnrichmentChains.load(config.enrichments(), resolver, config.streams().stateDir());
        EnrichMetrics metrics = new EnrichMetrics(registry);

        Map<String, Object> serdeConfig = Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, config.schemaRegistryUrl().toString(),
                AvroSerdeConfig.SPECIFIC_TYPE, CollectorPayload.class.getName());
        AvroDeserializer<CollectorPayload> deserializer = new AvroDeserializer<>();
        deserializer.configure(serdeConfig, false);
        EventProcessor processor = EnrichPipeline.processor(deserializer, resolver, chain, Clock.systemUTC(),
                new BoundedJsonReader(config.limits().maxJsonDepth()));
        RefusedRecords refused = new RefusedRecords();
        EnrichTopology.Safeguards safeguards = EnrichPipeline.safeguards(config, refused, Clock.systemUTC());

        Optional<Serde<EnrichedEvent>> avroSerde = config.topics().enrichedAvro().map(topic -> {
            AvroSerializer<EnrichedEvent> serializer = new AvroSerializer<>();
            serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, config.schemaRegistryUrl().toString()),
                    false);
            return Serdes.serdeFrom(serializer, new AvroDeserializer<>(EnrichedEvent.class, null));
        });
        Topology topology = EnrichTopology.build(config.topics(), config.partitionKey(), processor, metrics,
                avroSerde, safeguards);
        Properties props = streamsProperties(config);
        props.put(RefusedRecordHandler.REFUSED_RECORDS, refused);
        props.put(RefusedRecordHandler.METRICS, metrics);
        props.put(RefusedRecordHandler.DESTINATIONS, EnrichTopology.destinations(config.topics()));
        KafkaStreams streams = new KafkaStreams(topology, props);
        // Bad input, oversized outputs and registry outages are all handled without the thread dying. What still
        // kills one (a record Kafka refused under exactly-once, a bug in Kafka Streams) is counted and the thread
        // replaced, so the aborted transaction is retried instead of enrichment stopping for good.
        streams.setUncaughtExceptionHandler(e -> {
            metrics.threadReplaced();
            LOG.atError().addKeyValue("action", "replace_thread").setCause(e).log("stream thread failed");
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        new KafkaStreamsMetrics(streams).bindTo(registry);
        Gauge.builder("enrich.stream.running", streams, s -> s.state().isRunningOrRebalancing() ? 1 : 0)
                .description("1 while the Kafka Streams instance is running or rebalancing").register(registry);
        RegistryBackoff backoff = safeguards.backoff();
        Gauge.builder("enrich.schema.registry.up", backoff, b -> b.healthy() ? 1 : 0)
                .description("0 while the schema registry cannot be reached (records wait and are retried)")
                .register(registry);

        StreamEnrichApp app = new StreamEnrichApp(streams, metrics, chain, backoff, config);
        // Every thread replaced or gone: Kafka Streams gives up (ERROR). The process exits 1 instead of idling.
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR) {
                app.termination.fail(new IllegalStateException("Kafka Streams stopped in state ERROR"));
            }
        });
        health.liveness("kafka-streams", () -> {
            KafkaStreams.State state = streams.state();
            boolean dead = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                    || state == KafkaStreams.State.NOT_RUNNING;
            return dead ? HealthStatus.unhealthy(state.name()) : HealthStatus.healthy(state.name());
        });
        health.readiness("kafka-streams", () -> {
            KafkaStreams.State state = streams.state();
            return state.isRunningOrRebalancing() ? HealthStatus.healthy(state.name())
                    : HealthStatus.unhealthy(state.name());
        });
        health.readiness("schema-registry", () -> backoff.healthy() ? HealthStatus.healthy()
                : HealthStatus.unhealthy("schema-registry-unavailable: records wait and are retried"));
        return app;
    }

    /** Starts the streams; returns at once (records are read on the stream threads). */
    @Override
    public void start() {
        streams.start();
        LOG.atInfo().addKeyValue("application_id", config.applicationId())
                .addKeyValue("input", config.topics().raw())
                .addKeyValue("enrichments", chain.enrichments().size()).log("enrichment started");
    }

    /** Returns after {@link #close}; throws the cause when Kafka Streams stopped in ERROR. */
    @Override
    public void awaitTermination() throws Exception {
        termination.await();
    }

    static Properties streamsProperties(EnrichConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streams().threads());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.streams().commitInterval().toMillis());
        Path stateDir = config.streams().stateDir().orElseGet(() ->
                Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams"));
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        // The topology has no global state, so this only opts in to Kafka 5.0's default and silences its warning.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, RefusedRecordHandler.class);
        props.putAll(config.streams().properties());
        // The output limit is derived from this value, so it has exactly one source (EnrichConfig refuses it as a
        // passthrough property).
        props.put(StreamsConfig.producerPrefix("max.request.size"), config.limits().maxRequestSize());
        // exactly-once is the product's promise: a passthrough property must not weaken it.
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return props;
    }

    static Resolver resolver(EnrichConfig config) {
        if (config.resolver().isEmpty()) {
            return Resolver.bundled();
        }
        Path file = config.resolver().get();
        try {
            return Resolver.fromConfig(ResolverConfig.parse(Files.readString(file)));
        } catch (IOException | RuntimeException e) {
            throw new ConfigError(EnrichConfig.ROOT + ".resolver", "a valid Iglu resolver-config JSON file ("
                    + e.getMessage() + ")", file.toString());
        }
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public EnrichMetrics metrics() {
        return metrics;
    }

    /** Stops cleanly (the open transaction is committed or aborted); idempotent, from any thread. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            // A stream thread waiting for the schema registry would otherwise hold up the shutdown.
            backoff.stop();
            streams.close(Duration.ofSeconds(30));
            chain.close();
        }
        termination.complete();
    }
}
