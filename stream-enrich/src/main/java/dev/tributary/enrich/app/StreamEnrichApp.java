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
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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
 * A running stream-enrich: the Kafka Streams instance and, when enabled, the HTTP server for {@code /health} and
 * {@code /metrics}. {@link #start} validates everything it is given (resolver, enrichments) before any record is
 * read, so a configuration error stops start-up with a message naming the file and the field.
 */
public final class StreamEnrichApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamEnrichApp.class);

    private final KafkaStreams streams;
    private final HealthServer http;
    private final EnrichMetrics metrics;
    private final EnrichmentChain chain;

    private final RegistryBackoff backoff;

    private StreamEnrichApp(KafkaStreams streams, HealthServer http, EnrichMetrics metrics, EnrichmentChain chain,
                            RegistryBackoff backoff) {
        this.backoff = backoff;
        this.streams = streams;
        this.http = http;
        this.metrics = metrics;
        this.chain = chain;
    }

    public static StreamEnrichApp start(EnrichConfig config) {
        Resolver resolver = resolver(config);
        EnrichmentChain chain = EnrichmentChains.load(config.enrichments(), resolver, config.streams().stateDir());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
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
            LOG.error("event=stream_thread_failed action=replace_thread error=\"{}\"", e.toString(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        new KafkaStreamsMetrics(streams).bindTo(registry);
        Gauge.builder("enrich.stream.running", streams, s -> s.state().isRunningOrRebalancing() ? 1 : 0)
                .description("1 while the Kafka Streams instance is running or rebalancing").register(registry);
        RegistryBackoff backoff = safeguards.backoff();
        Gauge.builder("enrich.schema.registry.up", backoff, b -> b.healthy() ? 1 : 0)
                .description("0 while the schema registry cannot be reached (records wait and are retried)")
                .register(registry);

        HealthServer http = null;
        try {
            if (config.http().enabled()) {
                http = new HealthServer(config.http().host(), config.http().port(), streams::state,
                        backoff::healthy, registry);
            }
        } catch (IOException e) {
            streams.close(Duration.ofSeconds(5));
            chain.close();
            throw new IllegalStateException("cannot listen on " + config.http().host() + ":" + config.http().port()
                    + " (enrich.http.port): " + e.getMessage(), e);
        }
        streams.start();
        LOG.info("event=started application_id={} input={} enrichments={} http_port={}", config.applicationId(),
                config.topics().raw(), chain.enrichments().size(), http == null ? "disabled" : http.port());
        return new StreamEnrichApp(streams, http, metrics, chain, backoff);
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
            throw new dev.tributary.enrich.config.EnrichConfigException("enrich.resolver",
                    "invalid Iglu resolver file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The HTTP port of /health and /metrics, or -1 when disabled. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public EnrichMetrics metrics() {
        return metrics;
    }

    /** Stops cleanly: the open transaction is committed or aborted, the HTTP server closed. */
    @Override
    public void close() {
        // A stream thread waiting for the schema registry would otherwise hold up the shutdown.
        backoff.stop();
        streams.close(Duration.ofSeconds(30));
        if (http != null) {
            http.close();
        }
        chain.close();
    }
}
