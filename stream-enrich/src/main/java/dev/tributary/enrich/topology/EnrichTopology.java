package dev.tributary.enrich.topology;

import dev.tributary.enrich.config.EnrichConfig;
import dev.tributary.enrich.output.Destination;
import dev.tributary.enrich.output.OutputLimit;
import dev.tributary.enrich.output.OutputSerializer;
import dev.tributary.enrich.output.RefusedRecords;
import dev.tributary.enrich.processing.EventProcessor;
import dev.tributary.enrich.processing.RegistryBackoff;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.badrows.BadRowFitter;
import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.iglu.Resolver;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.Topology;

/**
 * The stream-enrich topology: raw bytes in (deserialised inside the processor, so an unreadable record becomes a bad
 * row instead of a deserialisation-handler skip), enriched TSV, bad rows and optional pii/Avro outputs out. Every
 * output is serialised inside the processor and written as bytes, so its size is checked on exactly the bytes the
 * producer sends ({@link OutputSerializer}). Stateless; exactly-once comes from the {@code exactly_once_v2}
 * transaction spanning the input offsets and every output.
 */
public final class EnrichTopology {

    static final String SOURCE = "raw-source";
    static final String PROCESSOR = "enrich";

    /**
     * What keeps one record from stalling the stream: the output limit, the registry backoff, the refusals the
     * production exception handler recorded, and who bad rows say wrote them.
     */
    public record Safeguards(OutputLimit limit, RegistryBackoff backoff, RefusedRecords refused,
                             Processor badRowProcessor, Clock clock) {
        public Safeguards {
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(backoff, "backoff");
            Objects.requireNonNull(refused, "refused");
            Objects.requireNonNull(badRowProcessor, "badRowProcessor");
            Objects.requireNonNull(clock, "clock");
        }
    }

    private EnrichTopology() {
    }

    /**
     * @param avroSerde the serde of the enriched-avro output; required when {@code topics.enrichedAvro} is set
     */
    public static Topology build(EnrichConfig.Topics topics, EnrichConfig.PartitionKey partitionKey,
                                 EventProcessor processor, EnrichMetrics metrics,
                                 Optional<Serde<EnrichedEvent>> avroSerde, Safeguards safeguards) {
        PartitionKeys keys = new PartitionKeys(partitionKey);
        Optional<OutputSerializer.AvroOutput> avro = topics.enrichedAvro().map(topic ->
                new OutputSerializer.AvroOutput(topic, avroSerde.orElseThrow(() ->
                        new IllegalArgumentException("an Avro serde is required for the enriched-avro output"))
                        .serializer()));
        // Bad rows are checked against the bundled bad row schemas, whatever resolver enrichment uses.
        OutputSerializer serializer = new OutputSerializer(safeguards.limit(), keys::keyOf, avro,
                safeguards.badRowProcessor(), safeguards.clock(), metrics::oversized,
                new BadRowFitter(Resolver.bundled(), safeguards.clock()));

        Map<Destination, String> sinks = new EnumMap<>(Destination.class);
        sinks.put(Destination.ENRICHED, "enriched-sink");
        sinks.put(Destination.BAD, "bad-sink");
        topics.pii().ifPresent(t -> sinks.put(Destination.PII, "pii-sink"));
        topics.enrichedAvro().ifPresent(t -> sinks.put(Destination.ENRICHED_AVRO, "enriched-avro-sink"));

        Topology topology = new Topology();
        topology.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.raw());
        topology.addProcessor(PROCESSOR, () -> new EnrichProcessor(topics.raw(), processor, serializer, sinks, metrics,
                safeguards.backoff(), safeguards.refused(), safeguards.badRowProcessor(), safeguards.clock()), SOURCE);
        ByteArraySerializer bytes = new ByteArraySerializer();
        topology.addSink(sinks.get(Destination.ENRICHED), topics.enriched(), bytes, bytes, PROCESSOR);
        topology.addSink(sinks.get(Destination.BAD), topics.bad(), bytes, bytes, PROCESSOR);
        topics.pii().ifPresent(t -> topology.addSink(sinks.get(Destination.PII), t, bytes, bytes, PROCESSOR));
        topics.enrichedAvro().ifPresent(t ->
                topology.addSink(sinks.get(Destination.ENRICHED_AVRO), t, bytes, bytes, PROCESSOR));
        return topology;
    }

    /** The topic each output is written to, for the production exception handler's accounting. */
    public static Map<String, Destination> destinations(EnrichConfig.Topics topics) {
        Map<String, Destination> byTopic = new java.util.HashMap<>();
        byTopic.put(topics.enriched(), Destination.ENRICHED);
        byTopic.put(topics.bad(), Destination.BAD);
        topics.pii().ifPresent(t -> byTopic.put(t, Destination.PII));
        topics.enrichedAvro().ifPresent(t -> byTopic.put(t, Destination.ENRICHED_AVRO));
        return Map.copyOf(byTopic);
    }
}
