package dev.tributary.collector.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.schemas.avro.CollectorPayload;
import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.badrows.SizeViolation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Properties of the greedy split over random batches (seeded, so every failure is reproducible). */
class PayloadSplitterTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX = 3_000;

    /** Avro binary plus the 5-byte Confluent header, as the registry-backed serializer produces. */
    static byte[] serialize(CollectorPayload p) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new byte[5]);
            BinaryEncoder enc = EncoderFactory.get().directBinaryEncoder(out, null);
            new SpecificDatumWriter<>(CollectorPayload.class).write(p, enc);
            enc.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void everyEventEndsUpInExactlyOneRecordOrViolationAndRecordsStayUnderTheLimit(long seed) throws Exception {
        Random random = new Random(seed);
        List<String> events = new ArrayList<>();
        int n = 1 + random.nextInt(40);
        for (int i = 0; i < n; i++) {
            // Mostly small events, now and then one too large for any record; multi-byte characters included.
            int len = random.nextInt(10) == 0 ? MAX + random.nextInt(2_000) : random.nextInt(900);
            StringBuilder pad = new StringBuilder();
            for (int j = 0; j < len; j++) {
                pad.append(random.nextInt(5) == 0 ? 'é' : (char) ('a' + random.nextInt(26)));
            }
            events.add("{\"eid\":\"" + i + "\",\"pad\":\"" + pad + "\"}");
        }
        CollectorPayload payload = payload("{\"schema\":\"iglu:s/payload_data/jsonschema/1-0-4\",\"data\":["
                + String.join(",", events) + "]}");
        PayloadSplitter splitter = new PayloadSplitter(PayloadSplitterTest::serialize, MAX, 1_000_000,
                new Processor("tributary-collector", "0.1.0"));

        PayloadSplitter.Split split = splitter.split(payload);

        List<String> seen = new ArrayList<>();
        List<Integer> batchSizes = new ArrayList<>();
        for (PayloadSplitter.Serialized s : split.good()) {
            assertThat(s.bytes().length).isLessThanOrEqualTo(MAX);
            assertThat(s.bytes()).isEqualTo(serialize(s.payload()));
            JsonNode body = JSON.readTree(s.payload().getBody());
            assertThat(body.get("schema").asText()).isEqualTo("iglu:s/payload_data/jsonschema/1-0-4");
            body.get("data").forEach(e -> seen.add(e.toString()));
            batchSizes.add(body.get("data").size());
            assertThat(s.payload().getIpAddress()).isEqualTo(payload.getIpAddress());
        }
        for (SizeViolation v : split.bad()) {
            assertThat(v.maximumAllowedSizeBytes()).isEqualTo(MAX);
            assertThat(v.actualSizeBytes()).isGreaterThan(MAX);
            assertThat(v.payload().length()).isLessThanOrEqualTo(MAX / 10);
        }
        List<String> tooLarge = events.stream().filter(e -> e.length() >= MAX).toList();
        List<String> fitting = events.stream().filter(e -> e.length() < MAX).toList();
        assertThat(split.bad()).hasSize(tooLarge.size());
        // Order is kept and nothing is duplicated or lost.
        assertThat(seen).containsExactlyElementsOf(fitting);
        assertThat(batchSizes).allMatch(size -> size > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"schema\":\"s\",\"data\":{}}", "[1,2,3]"})
    void oversizedBodiesThatCannotBeSplitAreOneViolation(String prefix) {
        CollectorPayload payload = payload(prefix + " ".repeat(MAX));
        PayloadSplitter.Split split = new PayloadSplitter(PayloadSplitterTest::serialize, MAX, 1_000_000,
                new Processor("tributary-collector", "0.1.0")).split(payload);
        assertThat(split.good()).isEmpty();
        assertThat(split.bad()).singleElement().satisfies(v ->
                assertThat(v.expectation()).startsWith("oversized collector payload: cannot split POST requests"));
    }

    static CollectorPayload payload(String body) {
        CollectorPayload p = new CollectorPayload();
        p.setSchema$("iglu:com.snowplowanalytics.snowplow/CollectorPayload/thrift/1-0-0");
        p.setIpAddress("192.0.2.1");
        p.setTimestamp(Instant.parse("2026-01-01T00:00:00Z"));
        p.setEncoding("UTF-8");
        p.setCollector("tributary-collector-0.1.0-kafka");
        p.setPath("/com.snowplowanalytics.snowplow/tp2");
        p.setBody(body);
        p.setContentType("application/json");
        p.setHeaders(List.of("Host: collector"));
        return p;
    }
}
