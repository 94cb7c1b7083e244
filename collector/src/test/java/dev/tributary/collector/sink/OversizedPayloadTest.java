package dev.tributary.collector.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.collector.CollectorTestKit;
import dev.tributary.schemas.avro.CollectorPayload;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Split limit, size violations and the drop limit, end to end with a small record limit. */
class OversizedPayloadTest {

    static final int MAX_RECORD = 2_000;
    static final int MAX_PAYLOAD = 20_000;
    static final int DROP = 40_000;
    static final ObjectMapper JSON = new ObjectMapper();
    static CollectorTestKit kit;

    @BeforeAll
    static void start() {
        kit = CollectorTestKit.start(Map.of(
                "collector.sink.max-record-bytes", MAX_RECORD,
                "collector.networking.max-payload-size", MAX_PAYLOAD,
                "collector.networking.drop-payload-size", DROP));
    }

    @AfterAll
    static void stop() {
        if (kit != null) {
            kit.close();
        }
    }

    private static String event(String marker, int i, int padding) {
        return "{\"e\":\"pv\",\"p\":\"web\",\"tv\":\"t\",\"aid\":\"" + marker + "\",\"eid\":\"" + i + "\",\"pad\":\""
                + "x".repeat(padding) + "\"}";
    }

    private static String batch(List<String> events) {
        return "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4\",\"data\":["
                + String.join(",", events) + "]}";
    }

    @Test
    void postAboveTheSplitLimitBecomesSeveralRecordsAndOneViolationPerHugeEvent() throws Exception {
        String m = "split-" + UUID.randomUUID();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(event(m, i, i == 5 ? 3_000 : 400));
        }
        int before = kit.bad().size();
        HttpResponse<String> r = kit.post("/com.snowplowanalytics.snowplow/tp2", "application/json", batch(events));
        assertThat(r.statusCode()).isEqualTo(200);

        List<ConsumerRecord<byte[], byte[]>> records = kit.readAll(CollectorTestKit.RAW);
        List<CollectorPayload> parts = kit.raw(m);
        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(records).allSatisfy(rec -> assertThat(rec.value().length).isLessThanOrEqualTo(MAX_RECORD));
        List<String> eids = new ArrayList<>();
        for (CollectorPayload part : parts) {
            JsonNode body = JSON.readTree(part.getBody());
            assertThat(body.get("schema").asText()).endsWith("payload_data/jsonschema/1-0-4");
            body.get("data").forEach(e -> eids.add(e.get("eid").asText()));
            assertThat(part.getQuerystring()).isNull();
            assertThat(part.getPath()).isEqualTo("/com.snowplowanalytics.snowplow/tp2");
        }
        // Every event but the huge one, each exactly once.
        assertThat(eids).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "6", "7", "8", "9", "10", "11");

        List<JsonNode> violations = violationsSince(before);
        assertThat(violations).hasSize(1);
        JsonNode v = violations.get(0);
        assertThat(v.get("schema").asText())
                .isEqualTo("iglu:com.snowplowanalytics.snowplow.badrows/size_violation/jsonschema/1-0-0");
        assertThat(v.at("/data/failure/maximumAllowedSizeBytes").asInt()).isEqualTo(MAX_RECORD);
        assertThat(v.at("/data/failure/actualSizeBytes").asInt()).isGreaterThan(3_000);
        assertThat(v.at("/data/failure/expectation").asText()).startsWith("oversized collector payload: ");
        assertThat(v.at("/data/payload").asText()).hasSize(MAX_RECORD / 10).contains("\"eid\":\"5\"");
        assertThat(v.at("/data/processor/artifact").asText()).isEqualTo("tributary-collector");
    }

    @Test
    void oversizedGetBecomesOneViolationAndNoRawRecord() throws Exception {
        String m = "get-" + UUID.randomUUID();
        int before = kit.bad().size();
        HttpResponse<String> r = kit.get("/i?e=pv&aid=" + m + "&pad=" + "y".repeat(3_000));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(kit.raw(m)).isEmpty();
        List<JsonNode> violations = violationsSince(before);
        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).at("/data/payload").asText()).hasSize(MAX_RECORD / 10);
        assertThat(violations.get(0).at("/data/failure/expectation").asText())
                .isEqualTo("oversized collector payload: GET requests cannot be split");
    }

    @Test
    void postAboveMaxPayloadSizeIsOnlyAViolation() throws Exception {
        String m = "max-" + UUID.randomUUID();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(event(m, i, 800));
        }
        int before = kit.bad().size();
        HttpResponse<String> r = kit.post("/com.snowplowanalytics.snowplow/tp2", "application/json", batch(events));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(kit.raw(m)).isEmpty();
        assertThat(violationsSince(before)).singleElement().satisfies(v -> assertThat(
                v.at("/data/failure/expectation").asText()).contains("max-payload-size"));
    }

    @Test
    void bodyAboveTheDropLimitIs413AndNothingIsRecorded() {
        String m = "drop-" + UUID.randomUUID();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            events.add(event(m, i, 800));
        }
        int before = kit.bad().size();
        HttpResponse<String> r = kit.post("/com.snowplowanalytics.snowplow/tp2", "application/json", batch(events));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(kit.raw(m)).isEmpty();
        assertThat(kit.bad()).hasSize(before);
    }

    /** Bad rows written since {@code before} (tests in this class run one at a time). */
    private static List<JsonNode> violationsSince(int before) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        List<String> all = kit.bad();
        for (String line : all.subList(before, all.size())) {
            out.add(JSON.readTree(line));
        }
        return out;
    }
}
