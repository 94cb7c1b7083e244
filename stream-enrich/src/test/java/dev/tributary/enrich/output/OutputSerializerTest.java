package dev.tributary.enrich.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.enrich.processing.EnrichOutput;
import dev.tributary.enrich.topology.EnrichedLines;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.badrows.FormatViolationMessage;
import dev.tributary.schemas.badrows.CollectorPayloadFormatViolation;
import dev.tributary.schemas.badrows.GenericError;
import dev.tributary.schemas.badrows.Processor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class OutputSerializerTest {

    private static final Processor PROCESSOR = new Processor("tributary-stream-enrich", "0.1.0");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final OutputLimit LIMIT = new OutputLimit(10_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Destination> oversized = new ArrayList<>();
    private final OutputSerializer serializer = new OutputSerializer(LIMIT, e -> "key-1", Optional.empty(),
            PROCESSOR, CLOCK, oversized::add);

    @Test
    void outputsWithinTheLimitAreWrittenAsTheyAre() {
        EnrichedEvent event = new EnrichedEvent();
        List<OutputRecord> records = serializer.serialize(new EnrichOutput.Good(event, "a\tb\tc"));

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.destination()).isEqualTo(Destination.ENRICHED);
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("key-1");
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("a\tb\tc");
        });
        assertThat(oversized).isEmpty();
    }

    @Test
    void anOversizedBadRowBecomesASizeViolationHoldingItsPrefix() throws Exception {
        String body = "x".repeat(30_000);
        var row = CollectorPayloadFormatViolation.ofBytes(PROCESSOR, CLOCK.instant(),
                new FormatViolationMessage.Fallback("broken"), body.getBytes(StandardCharsets.UTF_8));
        String original = row.toJsonLine();

        List<OutputRecord> records = serializer.serialize(new EnrichOutput.Bad(row));

        OutputRecord record = records.get(0);
        assertThat(records).hasSize(1);
        assertThat(record.destination()).isEqualTo(Destination.BAD);
        assertThat(record.badRowType()).contains("size_violation");
        assertThat(record.sizeBytes()).isLessThanOrEqualTo(LIMIT.maxRecordBytes());
        String line = new String(record.value(), StandardCharsets.UTF_8);
        EnrichedLines.validBadRow(line);
        JsonNode data = JSON.readTree(line).path("data");
        assertThat(data.path("failure").path("maximumAllowedSizeBytes").asInt()).isEqualTo(10_000);
        assertThat(data.path("failure").path("actualSizeBytes").asInt())
                .isEqualTo(original.getBytes(StandardCharsets.UTF_8).length);
        assertThat(data.path("failure").path("expectation").asText()).contains("bad row");
        assertThat(data.path("payload").asText()).hasSize(LIMIT.payloadChars());
        assertThat(original).startsWith(data.path("payload").asText());
        assertThat(oversized).containsExactly(Destination.BAD);
    }

    @Test
    void anOversizedEnrichedEventBecomesOneSizeViolationAndNoGoodRecord() throws Exception {
        String tsv = "page_view\t" + "y".repeat(20_000);

        List<OutputRecord> records = serializer.serialize(new EnrichOutput.Good(new EnrichedEvent(), tsv));

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.destination()).isEqualTo(Destination.BAD);
            assertThat(r.sizeBytes()).isLessThanOrEqualTo(LIMIT.maxRecordBytes());
        });
        JsonNode data = JSON.readTree(records.get(0).value()).path("data");
        assertThat(data.path("failure").path("expectation").asText()).contains("enrichment");
        assertThat(tsv).startsWith(data.path("payload").asText());
        assertThat(oversized).containsExactly(Destination.ENRICHED);
    }

    @Test
    void anEventWhoseAvroCopyIsTooLargeIsOneSizeViolationForBoth() {
        Serializer<EnrichedEvent> bigAvro = (topic, event) -> new byte[20_000];
        OutputSerializer withAvro = new OutputSerializer(LIMIT, e -> "k", Optional.of(
                new OutputSerializer.AvroOutput("enriched-avro", bigAvro)), PROCESSOR, CLOCK, oversized::add);

        List<OutputRecord> records = withAvro.serialize(new EnrichOutput.Good(new EnrichedEvent(), "small"));

        assertThat(records).extracting(OutputRecord::destination).containsExactly(Destination.BAD);
        assertThat(oversized).containsExactly(Destination.ENRICHED_AVRO);
    }

    @Test
    void anOversizedPiiEventBecomesASizeViolation() {
        List<OutputRecord> records = serializer.serialize(new EnrichOutput.Pii(new EnrichedEvent(),
                "z".repeat(LIMIT.maxRecordBytes())));

        assertThat(records).extracting(OutputRecord::destination).containsExactly(Destination.BAD);
        assertThat(oversized).containsExactly(Destination.PII);
    }

    @Test
    void theKeyCountsTowardsTheLimit() {
        OutputSerializer longKeys = new OutputSerializer(LIMIT, e -> "k".repeat(200), Optional.empty(), PROCESSOR,
                CLOCK, oversized::add);
        String tsv = "v".repeat(LIMIT.maxRecordBytes() - 100);

        assertThat(longKeys.serialize(new EnrichOutput.Good(new EnrichedEvent(), tsv)))
                .extracting(OutputRecord::destination).containsExactly(Destination.BAD);
    }

    @Test
    void aPayloadThatEscapesToSixBytesPerCharacterStillFits() {
        // Control characters become \\u00XX in JSON: the worst case for the size of the replacement row.
        String controls = "\u0001".repeat(50_000);
        GenericError row = new GenericError(PROCESSOR, CLOCK.instant(), List.of("e"), controls);

        OutputRecord record = serializer.serialize(new EnrichOutput.Bad(row)).get(0);

        assertThat(record.badRowType()).contains("size_violation");
        assertThat(record.sizeBytes()).isLessThanOrEqualTo(LIMIT.maxRecordBytes());
        EnrichedLines.validBadRow(new String(record.value(), StandardCharsets.UTF_8));
    }

    @Test
    void theDefaultLimitLeavesRoomForKafkasRecordOverhead() {
        assertThat(OutputLimit.kafkaDefault().maxRecordBytes()).isEqualTo(1_048_576 - 1024);
        assertThat(OutputLimit.forMaxRequestSize(2_000_000).maxRecordBytes()).isEqualTo(2_000_000 - 1024);
        assertThat(OutputLimit.kafkaDefault().payloadChars()).isEqualTo((1_048_576 - 1024) / 10);
    }
}
