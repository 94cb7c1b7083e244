package dev.tributary.schemas.badrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BadRowValuesTest {

    @Test
    void sizeViolationKeepsOnlyThePayloadLimit() {
        SizeViolation row = SizeViolation.of(BadRowExamples.COLLECTOR, BadRowExamples.NOW, 1000, 5000,
                "oversized collector payload", "x".repeat(5000), 100);

        assertThat(row.payload()).hasSize(100);
        assertThat(row.toJson().at("/data/payload").asText()).hasSize(100);
    }

    @Test
    void sizeViolationDoesNotSplitASurrogatePair() {
        SizeViolation row = SizeViolation.of(BadRowExamples.COLLECTOR, BadRowExamples.NOW, 10, 40, "too big",
                "abc\uD83D\uDE00def", 4);

        assertThat(row.payload()).isEqualTo("abc");
    }

    @Test
    void enrichedFieldListHasTheSnowplowOrder() {
        assertThat(EnrichedFields.NAMES).hasSize(131);
        assertThat(EnrichedFields.NAMES.get(0)).isEqualTo("app_id");
        assertThat(EnrichedFields.NAMES.get(52)).isEqualTo("contexts");
        assertThat(EnrichedFields.NAMES.get(58)).isEqualTo("unstruct_event");
        assertThat(EnrichedFields.NAMES.get(122)).isEqualTo("derived_contexts");
        assertThat(EnrichedFields.NAMES.get(130)).isEqualTo("true_tstamp");
        assertThat(EnrichedFields.NAMES).doesNotHaveDuplicates();
    }

    @Test
    void partiallyEnrichedEventWritesEveryFieldTypedAndInOrder() {
        PartiallyEnrichedEvent event = PartiallyEnrichedEvent.empty()
                .with("page_urlport", "443").with("app_id", "shop").with("geo_latitude", "48.85");

        JsonNode json = BadRowExamples.schemaViolations().toJson().at("/data/payload/enriched");
        assertThat(json.size()).isEqualTo(131);
        assertThat(event.values().keySet()).containsExactly("app_id", "geo_latitude", "page_urlport");
        assertThat(json.get("page_urlport").isIntegralNumber()).isTrue();
        assertThat(json.get("tr_total").isNull()).isTrue();
    }

    @Test
    void partiallyEnrichedEventRejectsUnknownFieldsAndNonNumbers() {
        assertThatThrownBy(() -> PartiallyEnrichedEvent.of(Map.of("nope", "1")))
                .hasMessageContaining("'nope' is not an enriched event field");
        assertThatThrownBy(() -> PartiallyEnrichedEvent.empty().with("doc_width", "wide"))
                .hasMessageContaining("doc_width");
    }

    @Test
    void loaderPayloadConvertsTsvTextToTypedJson() {
        LoaderPayload payload = BadRowExamples.loaderPayload();

        assertThat(payload.fields().get("collector_tstamp").asText()).isEqualTo("2026-03-14T09:26:51.589Z");
        assertThat(payload.fields().get("br_cookies").isBoolean()).isTrue();
        assertThat(payload.fields().get("txn_id").asLong()).isEqualTo(421);
        assertThat(payload.fields().get("contexts").path("data").isArray()).isTrue();
        assertThat(payload.fields()).doesNotContainKey("user_id");
        assertThatThrownBy(() -> LoaderPayload.fromFields(Map.of("br_cookies", "maybe")))
                .hasMessageContaining("br_cookies");
    }

    @Test
    void processorVersionMustBeSemantic() {
        assertThatThrownBy(() -> new Processor("enrich", "latest")).hasMessageContaining("1.2.3");
    }
}
