package dev.tributary.enrich.topology;

import dev.tributary.enrich.config.EnrichConfig;
import dev.tributary.enrich.processing.EnrichOutput;
import dev.tributary.enrich.processing.EventProcessor;
import dev.tributary.schemas.avro.EnrichedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The stream-enrich topology: raw bytes in (deserialised inside the processor, so an unreadable record becomes a bad
 * row instead of a deserialisation-handler skip), enriched TSV, bad rows and optional pii/Avro outputs out.
 * Stateless; exactly-once comes from the {@code exactly_once_v2} transaction spanning the input offsets and every
 * output.
 */
public final class EnrichTopology {

    private EnrichTopology() {
    }

    /**
     * @param avroSerde the serde of the enriched-avro output; required when {@code topics.enrichedAvro} is set
     */
    public static Topology build(EnrichConfig.Topics topics, EnrichConfig.PartitionKey partitionKey,
                                 EventProcessor processor, EnrichMetrics metrics,
                                 Optional<Serde<EnrichedEvent>> avroSerde) {
        PartitionKeys keys = new PartitionKeys(partitionKey);
        StreamsBuilder builder = new StreamsBuilder();
        KStream<byte[], byte[]> raw = builder.stream(topics.raw(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()));
        KStream<String, EnrichOutput> outputs = raw.flatMap((key, value) -> {
            metrics.raw();
            List<KeyValue<String, EnrichOutput>> records = new ArrayList<>();
            for (EnrichOutput output : processor.process(topics.raw(), value)) {
                if (output instanceof EnrichOutput.Good good) {
                    records.add(KeyValue.pair(keys.keyOf(good.event()), output));
                } else if (output instanceof EnrichOutput.Pii pii) {
                    records.add(KeyValue.pair(keys.keyOf(pii.event()), output));
                } else {
                    records.add(KeyValue.pair(null, output));
                }
            }
            return records;
        });
        Produced<String, String> text = Produced.with(Serdes.String(), Serdes.String());
        outputs.filter((k, v) -> v instanceof EnrichOutput.Good)
                .mapValues(v -> {
                    metrics.good();
                    return ((EnrichOutput.Good) v).tsv();
                })
                .to(topics.enriched(), text);
        outputs.filter((k, v) -> v instanceof EnrichOutput.Bad)
                .mapValues(v -> {
                    EnrichOutput.Bad bad = (EnrichOutput.Bad) v;
                    metrics.bad(bad.row().schemaKey().name());
                    return bad.row().toJsonLine();
                })
                .to(topics.bad(), text);
        topics.pii().ifPresent(pii -> outputs.filter((k, v) -> v instanceof EnrichOutput.Pii)
                .mapValues(v -> {
                    metrics.pii();
                    return ((EnrichOutput.Pii) v).tsv();
                })
                .to(pii, text));
        topics.enrichedAvro().ifPresent(topic -> {
            Serde<EnrichedEvent> serde = avroSerde.orElseThrow(() ->
                    new IllegalArgumentException("an Avro serde is required for the enriched-avro output"));
            outputs.filter((k, v) -> v instanceof EnrichOutput.Good)
                    .mapValues(v -> ((EnrichOutput.Good) v).event())
                    .to(topic, Produced.with(Serdes.String(), serde));
        });
        return builder.build();
    }
}
