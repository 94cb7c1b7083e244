package dev.tributary.enrich.app;

import dev.tributary.enrich.output.Destination;
import dev.tributary.enrich.output.RefusedRecords;
import dev.tributary.enrich.topology.EnrichMetrics;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence behind the output size guard: whatever else Kafka refuses to take (a topic whose
 * {@code max.message.bytes} is below enrich's limit, an invalid record, ...) is counted, logged without its content,
 * and remembered by the coordinates of the raw record it came from ({@link RefusedRecords}).
 *
 * <p>Under exactly-once the refusal has already made the producer's transaction abortable, so no answer of this
 * handler can keep that transaction: Kafka Streams aborts it (the stream thread dies once and is replaced) and reads
 * the raw record again, and the topology then writes a small bad row in its place. That is why this is a handler that
 * records, not a dead-letter queue: a dead-letter record sent from here would be aborted together with the
 * transaction it was sent in.
 *
 * <p>Kafka Streams creates this class by name; its collaborators come in through the configuration map under
 * {@link #REFUSED_RECORDS}, {@link #METRICS} and {@link #DESTINATIONS}.
 */
public final class RefusedRecordHandler implements ProductionExceptionHandler {

    static final String REFUSED_RECORDS = "tributary.enrich.refused-records";
    static final String METRICS = "tributary.enrich.metrics";
    static final String DESTINATIONS = "tributary.enrich.destinations";

    private static final Logger LOG = LoggerFactory.getLogger(RefusedRecordHandler.class);

    private RefusedRecords refused;
    private EnrichMetrics metrics;
    private Map<String, Destination> destinations;

    public RefusedRecordHandler() {
    }

    RefusedRecordHandler(RefusedRecords refused, EnrichMetrics metrics, Map<String, Destination> destinations) {
        this.refused = Objects.requireNonNull(refused, "refused");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.destinations = Map.copyOf(destinations);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs) {
        this.refused = (RefusedRecords) Objects.requireNonNull(configs.get(REFUSED_RECORDS), REFUSED_RECORDS);
        this.metrics = (EnrichMetrics) Objects.requireNonNull(configs.get(METRICS), METRICS);
        this.destinations = (Map<String, Destination>) Objects.requireNonNull(configs.get(DESTINATIONS),
                DESTINATIONS);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                Exception exception) {
        Destination destination = destinations.getOrDefault(record.topic(), Destination.BAD);
        RefusedRecords.Reason reason = RefusedRecords.Reason.of(exception);
        int size = (record.key() == null ? 0 : record.key().length)
                + (record.value() == null ? 0 : record.value().length);
        metrics.refused(destination, reason);
        Header header = record.headers() == null ? null : record.headers().lastHeader(RefusedRecords.Source.HEADER);
        Optional<RefusedRecords.Source> source = RefusedRecords.Source.fromHeader(header == null ? null
                : header.value());
        if (source.isEmpty()) {
            // Not an output of a raw record (cannot happen in this topology): nothing to replace on retry.
            LOG.atError().addKeyValue("output", destination.label()).addKeyValue("reason", reason.label())
                    .addKeyValue("size_bytes", size).addKeyValue("source", "none")
                    .addKeyValue("exception", exception.getClass().getSimpleName()).log("record refused");
            return Response.resume();
        }
        // Not the handler context's record: a send error arrives after the task has moved on to later records.
        RefusedRecords.Source from = source.get();
        RefusedRecords.Refusal refusal = refused.refused(from, destination, reason, size);
        LOG.atError().addKeyValue("output", destination.label()).addKeyValue("reason", reason.label())
                .addKeyValue("size_bytes", size).addKeyValue("topic", from.topic())
                .addKeyValue("partition", from.partition()).addKeyValue("offset", from.offset())
                .addKeyValue("attempts", refusal.attempts()).addKeyValue("action", "replace_with_bad_row_on_retry")
                .addKeyValue("exception", exception.getClass().getSimpleName()).log("record refused");
        return Response.resume();
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        // The topology writes byte arrays, so serialisation cannot fail. If it ever did, the transaction would still
        // be healthy and resuming would lose the record: record the refusal and fail instead, so the raw record is
        // read again and replaced by its bad row.
        ProducerRecord<byte[], byte[]> bytes = new ProducerRecord<>(record.topic(), null, null, null, null,
                record.headers());
        handleError(context, bytes, exception);
        return Response.fail();
    }
}
