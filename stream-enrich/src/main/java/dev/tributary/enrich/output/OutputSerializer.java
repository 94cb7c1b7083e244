package dev.tributary.enrich.output;

import dev.tributary.enrich.processing.EnrichOutput;
import dev.tributary.schemas.avro.EnrichedEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.schemas.badrows.BadRowFitter;
import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.badrows.SizeViolation;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.SchemaKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Turns what enrichment decided into the bytes written to Kafka, and guarantees each record fits: an output whose
 * serialised key + value exceeds the {@link OutputLimit} is replaced by a {@code size_violation} bad row holding a
 * prefix of it (Snowplow's behaviour), so no record is ever dropped and none makes the producer fail.
 *
 * <p>An enriched event and its Avro copy are one output: if either is too large, the event becomes one
 * size_violation and neither is written, so good + bad still counts each event once.
 */
public final class OutputSerializer {

    static final String ENRICHED_TOO_LARGE = "event passed enrichment but exceeded the maximum allowed size of a "
            + "record of the enriched output";
    static final String BAD_ROW_TOO_LARGE = "bad row exceeded the maximum allowed size of a record of the bad output";
    static final String PII_TOO_LARGE = "pii_transformation event exceeded the maximum allowed size of a record of "
            + "the pii output";

    /** The enriched-avro output: its topic (for the registry subject) and serializer. */
    public record AvroOutput(String topic, Serializer<EnrichedEvent> serializer) {
        public AvroOutput {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(serializer, "serializer");
        }
    }

    private final OutputLimit limit;
    private final Function<EnrichedEvent, String> keyOf;
    private final Optional<AvroOutput> avro;
    private final Processor processor;
    private final Clock clock;
    private final Consumer<Destination> oversized;
    private final BadRowFitter fitter;

    public OutputSerializer(OutputLimit limit, Function<EnrichedEvent, String> keyOf, Optional<AvroOutput> avro,
                            Processor processor, Clock clock) {
        this(limit, keyOf, avro, processor, clock, d -> { });
    }

    /** @param oversized told the output of every record replaced for its size (for metrics) */
    public OutputSerializer(OutputLimit limit, Function<EnrichedEvent, String> keyOf, Optional<AvroOutput> avro,
                            Processor processor, Clock clock, Consumer<Destination> oversized) {
        this(limit, keyOf, avro, processor, clock, oversized, new BadRowFitter(Resolver.bundled(), clock));
    }

    /** @param fitter makes each bad row valid against its schema before it is measured */
    public OutputSerializer(OutputLimit limit, Function<EnrichedEvent, String> keyOf, Optional<AvroOutput> avro,
                            Processor processor, Clock clock, Consumer<Destination> oversized,
                            BadRowFitter fitter) {
        this.fitter = Objects.requireNonNull(fitter, "fitter");
        this.oversized = Objects.requireNonNull(oversized, "oversized");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
        this.avro = Objects.requireNonNull(avro, "avro");
        this.processor = Objects.requireNonNull(processor, "processor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The records to write for {@code output}: each at most {@link OutputLimit#maxRecordBytes()} long. */
    public List<OutputRecord> serialize(EnrichOutput output) {
        if (output instanceof EnrichOutput.Good good) {
            return good(good);
        }
        if (output instanceof EnrichOutput.Pii pii) {
            byte[] key = utf8(keyOf.apply(pii.event()));
            OutputRecord record = new OutputRecord(Destination.PII, key, utf8(pii.tsv()), Optional.empty());
            return List.of(fitting(record, pii.tsv(), PII_TOO_LARGE));
        }
        ObjectNode fitted = fitter.fit(((EnrichOutput.Bad) output).row());
        String json = fitted.toString();
        OutputRecord record = new OutputRecord(Destination.BAD, null, utf8(json),
                Optional.of(SchemaKey.parse(fitted.get("schema").asText()).name()));
        return List.of(fitting(record, json, BAD_ROW_TOO_LARGE));
    }

    private List<OutputRecord> good(EnrichOutput.Good good) {
        byte[] key = utf8(keyOf.apply(good.event()));
        List<OutputRecord> records = new ArrayList<>(2);
        records.add(new OutputRecord(Destination.ENRICHED, key, utf8(good.tsv()), Optional.empty()));
        avro.ifPresent(a -> records.add(new OutputRecord(Destination.ENRICHED_AVRO, key,
                a.serializer().serialize(a.topic(), good.event()), Optional.empty())));
        OutputRecord largest = records.stream().max(Comparator.comparingInt(OutputRecord::sizeBytes)).orElseThrow();
        if (largest.sizeBytes() <= limit.maxRecordBytes()) {
            return records;
        }
        oversized.accept(largest.destination());
        return List.of(sizeViolation(largest.sizeBytes(), good.tsv(), ENRICHED_TOO_LARGE));
    }

    private OutputRecord fitting(OutputRecord record, String text, String expectation) {
        if (limit.fits(record.key(), record.value())) {
            return record;
        }
        oversized.accept(record.destination());
        return sizeViolation(record.sizeBytes(), text, expectation);
    }

    /**
     * A size_violation bad row keeping the first {@link OutputLimit#payloadChars()} characters of {@code text}. The
     * row is measured again after serialisation; if escaping made it too large anyway, the prefix is halved until
     * it fits, so the replacement can never itself be refused.
     */
    private OutputRecord sizeViolation(int actualSizeBytes, String text, String expectation) {
        int chars = limit.payloadChars();
        while (true) {
            SizeViolation row = SizeViolation.of(processor, clock.instant(), limit.maxRecordBytes(), actualSizeBytes,
                    expectation, text, chars);
            byte[] bytes = utf8(row.toJsonLine());
            if (limit.fits(null, bytes) || chars == 0) {
                return new OutputRecord(Destination.BAD, null, bytes, Optional.of(SizeViolation.SCHEMA.name()));
            }
            chars /= 2;
        }
    }

    public OutputLimit limit() {
        return limit;
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
