package dev.tributary.enrich.topology;

import dev.tributary.enrich.output.Destination;
import dev.tributary.enrich.output.OutputLimit;
import dev.tributary.enrich.output.OutputRecord;
import dev.tributary.enrich.output.OutputSerializer;
import dev.tributary.enrich.output.RefusedRecords;
import dev.tributary.enrich.processing.EnrichOutput;
import dev.tributary.enrich.processing.EventProcessor;
import dev.tributary.enrich.processing.RegistryBackoff;
import dev.tributary.schemas.badrows.BadRow;
import dev.tributary.schemas.badrows.GenericError;
import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.badrows.SizeViolation;
import dev.tributary.schemas.registry.SchemaRegistryException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enriches one raw record and forwards each resulting record, already serialised and within the output limit, to
 * the sink of its output. Two situations are handled here rather than by Kafka Streams' error handlers:
 * <ul>
 *   <li>a schema registry outage: the record is retried in place with exponential backoff until the registry
 *   answers; nothing is written for it in between;</li>
 *   <li>a raw record whose output Kafka refused before ({@link RefusedRecords}): it gets a small bad row in place
 *   of its outputs, smaller on every further refusal, so the same record cannot stop the stream twice.</li>
 * </ul>
 */
final class EnrichProcessor implements org.apache.kafka.streams.processor.api.Processor<byte[], byte[], byte[], byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichProcessor.class);
    /** After this many refusals of the same raw record, even an empty bad row was refused: skip it, loudly. */
    static final int MAX_REPLACEMENT_ATTEMPTS = 2;

    private final String rawTopic;
    private final EventProcessor processor;
    private final OutputSerializer serializer;
    private final Map<Destination, String> sinks;
    private final EnrichMetrics metrics;
    private final RegistryBackoff backoff;
    private final RefusedRecords refused;
    private final Processor badRowProcessor;
    private final Clock clock;
    private ProcessorContext<byte[], byte[]> context;

    EnrichProcessor(String rawTopic, EventProcessor processor, OutputSerializer serializer,
                    Map<Destination, String> sinks, EnrichMetrics metrics, RegistryBackoff backoff,
                    RefusedRecords refused, Processor badRowProcessor, Clock clock) {
        this.rawTopic = rawTopic;
        this.processor = processor;
        this.serializer = serializer;
        this.sinks = Map.copyOf(sinks);
        this.metrics = metrics;
        this.backoff = backoff;
        this.refused = refused;
        this.badRowProcessor = badRowProcessor;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Optional<RefusedRecords.Source> source = context.recordMetadata()
                .map(m -> new RefusedRecords.Source(m.topic(), m.partition(), m.offset()));
        Optional<RefusedRecords.Refusal> refusal = source.flatMap(refused::find);
        List<OutputRecord> outputs = refusal.isPresent()
                ? replacement(record.value(), refusal.get(), source.get())
                : enrich(record.value());
        metrics.raw();
        for (OutputRecord output : outputs) {
            String sink = sinks.get(output.destination());
            if (sink == null) {
                continue; // an optional output that is switched off
            }
            // Outputs carry only where they came from, not the raw record's headers (see RefusedRecords.Source).
            RecordHeaders headers = new RecordHeaders();
            source.ifPresent(s -> headers.add(RefusedRecords.Source.HEADER, s.toHeader()));
            context.forward(new Record<>(output.key(), output.value(), record.timestamp(), headers), sink);
            switch (output.destination()) {
                case ENRICHED -> metrics.good();
                case PII -> metrics.pii();
                case BAD -> metrics.bad(output.badRowType().orElse("unknown"));
                case ENRICHED_AVRO -> { }
            }
        }
    }

    /**
     * Enriches the record, retrying it in place while the schema registry is unreachable. Waiting here, on the
     * stream thread, is deliberate: the record is fine and must not become a bad row, and handing it back to Kafka
     * Streams would either kill the thread (any exception) or, as measured with a {@code TaskCorruptedException} on
     * Kafka Streams 4.3.1, leave the revived task never processing again. If the wait outlasts the transaction
     * timeout or {@code max.poll.interval.ms}, Kafka Streams sees a fenced producer or a lost membership when the
     * record is done: both are handled by rejoining and re-reading from the last commit, on the same thread.
     */
    private List<OutputRecord> enrich(byte[] raw) {
        while (true) {
            try {
                List<OutputRecord> records = new ArrayList<>();
                for (EnrichOutput output : processor.process(rawTopic, raw)) {
                    records.addAll(serializer.serialize(output));
                }
                backoff.succeeded();
                return records;
            } catch (SchemaRegistryException e) {
                if (backoff.stopped()) {
                    // Shutting down: give the record back unprocessed (its transaction is aborted, it is read again).
                    throw new StreamsException("stopped while waiting for the schema registry", e);
                }
                Duration waited = backoff.failed();
                LOG.atWarn().addKeyValue("action", "retry_record").addKeyValue("task", context.taskId())
                        .addKeyValue("consecutive_failures", backoff.consecutiveFailures())
                        .addKeyValue("waited_ms", waited.toMillis()).addKeyValue("cause", e.getMessage())
                        .log("schema registry unavailable");
            }
        }
    }

    /**
     * The bad row written instead of a raw record's outputs after Kafka refused one of them: the first time with a
     * base64 prefix of the raw record, the second time without payload, after that nothing (counted and logged
     * with the record's coordinates, so it can be found in the raw topic).
     */
    private List<OutputRecord> replacement(byte[] raw, RefusedRecords.Refusal refusal, RefusedRecords.Source source) {
        if (refusal.attempts() > MAX_REPLACEMENT_ATTEMPTS) {
            metrics.refusedSkipped();
            LOG.atError().addKeyValue("topic", source.topic()).addKeyValue("partition", source.partition())
                    .addKeyValue("offset", source.offset()).addKeyValue("output", refusal.destination().label())
                    .addKeyValue("reason", refusal.reason().label()).addKeyValue("attempts", refusal.attempts())
                    .log("refused record skipped");
            return List.of();
        }
        OutputLimit limit = serializer.limit();
        int chars = refusal.attempts() == 1 ? limit.payloadChars() : 0;
        String payload = base64Prefix(raw, chars);
        Instant now = clock.instant();
        BadRow row = refusal.reason() == RefusedRecords.Reason.RECORD_TOO_LARGE
                ? SizeViolation.of(badRowProcessor, now, limit.maxRecordBytes(), refusal.refusedSizeBytes(),
                        "record refused by Kafka as too large for the " + refusal.destination().label()
                                + " output (topic max.message.bytes below enrich's limit?)", payload, chars)
                : new GenericError(badRowProcessor, now, List.of("Kafka refused a record of the "
                        + refusal.destination().label() + " output: " + refusal.reason().label()), payload);
        LOG.atWarn().addKeyValue("topic", source.topic()).addKeyValue("partition", source.partition())
                .addKeyValue("offset", source.offset()).addKeyValue("output", refusal.destination().label())
                .addKeyValue("reason", refusal.reason().label()).addKeyValue("attempts", refusal.attempts())
                .addKeyValue("bad_row", row.schemaKey().name()).log("refused record replaced");
        return List.of(new OutputRecord(Destination.BAD, null, row.toJsonLine().getBytes(StandardCharsets.UTF_8),
                Optional.of(row.schemaKey().name())));
    }

    /** The base64 of the raw record, at most {@code chars} characters of it (encoding only the bytes needed). */
    static String base64Prefix(byte[] raw, int chars) {
        if (raw == null || chars <= 0) {
            return "";
        }
        int bytes = Math.min(raw.length, chars / 4 * 3);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(raw, bytes));
    }
}
