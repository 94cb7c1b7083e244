package dev.tributary.enrich.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.enrich.output.Destination;
import dev.tributary.enrich.output.RefusedRecords;
import dev.tributary.enrich.topology.EnrichMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class RefusedRecordHandlerTest {

    private final RefusedRecords refused = new RefusedRecords();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EnrichMetrics metrics = new EnrichMetrics(meters);
    private final RefusedRecordHandler handler = new RefusedRecordHandler();

    RefusedRecordHandlerTest() {
        handler.configure(Map.of(RefusedRecordHandler.REFUSED_RECORDS, refused, RefusedRecordHandler.METRICS, metrics,
                RefusedRecordHandler.DESTINATIONS, Map.of("enriched", Destination.ENRICHED, "bad", Destination.BAD)));
    }

    private static ProducerRecord<byte[], byte[]> from(String topic, RefusedRecords.Source source, int size) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(RefusedRecords.Source.HEADER, source.toHeader());
        return new ProducerRecord<>(topic, null, null, null, new byte[size], headers);
    }

    @Test
    void aRefusedRecordIsCountedAndRememberedByTheSourceItCarriesAndStreamsResumes() {
        ProducerRecord<byte[], byte[]> record = from("bad", new RefusedRecords.Source("raw", 2, 41L), 2_000_000);

        // The handler's context is wherever the task is now (later records), not where the refused record came from.
        ProductionExceptionHandler.Response first = handler.handleError(context("raw", 2, 99L), record,
                new RecordTooLargeException("too large"));
        handler.handleError(context("raw", 2, 120L), record, new RecordTooLargeException("too large"));

        assertThat(first.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(first.deadLetterQueueRecords()).isEmpty();
        assertThat(refused.find(new RefusedRecords.Source("raw", 2, 41L))).hasValueSatisfying(r -> {
            assertThat(r.destination()).isEqualTo(Destination.BAD);
            assertThat(r.reason()).isEqualTo(RefusedRecords.Reason.RECORD_TOO_LARGE);
            assertThat(r.refusedSizeBytes()).isEqualTo(2_000_000);
            assertThat(r.attempts()).isEqualTo(2);
        });
        assertThat(meters.get("enrich.refused.records").tag("output", "bad").tag("reason", "record_too_large")
                .counter().count()).isEqualTo(2);
        assertThat(refused.size()).isEqualTo(1);
    }

    @Test
    void otherRefusalsHaveAClosedReasonAndAnUnknownTopicCountsAsBad() {
        handler.handleError(context("raw", 0, 9L), from("elsewhere", new RefusedRecords.Source("raw", 0, 7L), 1),
                new IllegalStateException("something"));

        assertThat(refused.find(new RefusedRecords.Source("raw", 0, 7L)))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(RefusedRecords.Reason.OTHER));
        assertThat(meters.get("enrich.refused.records").tag("output", "bad").tag("reason", "other").counter().count())
                .isEqualTo(1);
    }

    private static ErrorHandlerContext context(String topic, int partition, long offset) {
        return new ErrorHandlerContext() {
            public String topic() {
                return topic;
            }

            public int partition() {
                return partition;
            }

            public long offset() {
                return offset;
            }

            public Headers headers() {
                return new RecordHeaders();
            }

            public String processorNodeId() {
                return "bad-sink";
            }

            public TaskId taskId() {
                return new TaskId(0, partition);
            }

            public long timestamp() {
                return 0;
            }

            public byte[] sourceRawKey() {
                return null;
            }

            public byte[] sourceRawValue() {
                return null;
            }
        };
    }
}
