package dev.tributary.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo's sample, read back the way enrich reads it: every request is decoded, every event's self-describing JSON
 * validated against the bundled Iglu schemas, and what is good and what is broken counted, so the expectation the
 * demo compares the stages with is what the requests really contain.
 */
class SampleTrafficTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Resolver IGLU = Resolver.bundled();
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    /** Seeds from a seeded generator, with sizes from 1 event to a few hundred. */
    static Stream<Arguments> samples() {
        Random random = new Random(20261201L);
        return IntStream.range(0, 24).mapToObj(i -> Arguments.of(random.nextLong(),
                i < 4 ? i + 1 : 1 + random.nextInt(400)));
    }

    @ParameterizedTest(name = "seed {0}, {1} events")
    @MethodSource("samples")
    void theExpectationIsWhatTheRequestsContain(long seed, int events) throws IOException {
        SampleTraffic.Sample sample = SampleTraffic.generate(seed, events, counter(), START);
        Expectation expected = sample.expected();

        int good = 0;
        int notJson = 0;
        int invalid = 0;
        int oversized = 0;
        Map<String, Integer> entities = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (TrackerRequest request : sample.requests()) {
            if (request.body() != null && request.body().length() > 1_048_576) {
                oversized++;
                continue;
            }
            List<Map<String, String>> decoded;
            try {
                decoded = events(request);
            } catch (IOException e) {
                notJson++;
                continue;
            }
            for (Map<String, String> event : decoded) {
                assertThat(ids.add(event.get("eid"))).as("event ids are unique").isTrue();
                List<SelfDescribingJson> entitiesOfEvent = entities(event);
                if (entitiesOfEvent.stream().allMatch(e -> IGLU.validate(e).isValid())) {
                    good++;
                    entitiesOfEvent.forEach(e -> entities.merge(table(e), 1, Integer::sum));
                } else {
                    invalid++;
                }
            }
        }
        assertThat(good).isEqualTo(events).isEqualTo(expected.goodEvents());
        assertThat(Map.of("tracker_protocol_violations", notJson, "schema_violations", invalid,
                "size_violation", oversized)).isEqualTo(expected.badRowsByType());
        assertThat(expected.requests()).isEqualTo(sample.requests().size());
        assertThat(expected.rawRecords()).isEqualTo(sample.requests().size() - oversized);
        entities.put(SampleTraffic.YAUAA_TABLE, good); // derived by enrich from the User-Agent of every event
        assertThat(entities).isEqualTo(expected.entityRows());
    }

    /** The default sample, and the one WholePipelineIT runs. */
    @ParameterizedTest(name = "seed {0}, {1} events")
    @org.junit.jupiter.params.provider.CsvSource({"42, 200", "7, 60"})
    void theDemosSamplesHaveEveryKindOfTraffic(long seed, int events) throws IOException {
        SampleTraffic.Sample sample = SampleTraffic.generate(seed, events, counter(), START);
        Set<String> types = new HashSet<>();
        Set<String> agents = new HashSet<>();
        Set<String> referrers = new HashSet<>();
        boolean campaign = false;
        for (TrackerRequest request : sample.requests()) {
            agents.add(request.userAgent());
            if (request.body() != null && request.body().length() > 1_048_576) {
                continue;
            }
            try {
                for (Map<String, String> event : events(request)) {
                    types.add(event.get("e") + ":" + event.get("p"));
                    if (event.get("refr") != null) {
                        referrers.add(java.net.URI.create(event.get("refr")).getHost());
                    }
                    campaign |= event.getOrDefault("url", "").contains("utm_source=");
                }
            } catch (IOException e) {
                // the broken bodies
            }
        }
        assertThat(types).contains("pv:web", "pp:web", "se:web", "ue:web", "ue:mob");
        assertThat(agents).hasSizeGreaterThanOrEqualTo(6);
        assertThat(referrers).contains("shop.example.com").anyMatch(h -> h.contains("google") || h.contains("bing"))
                .anyMatch(h -> h.contains("facebook") || h.contains("t.co") || h.contains("linkedin"));
        assertThat(campaign).isTrue();
        assertThat(sample.requests()).anyMatch(r -> r.method().equals("GET")).anyMatch(r -> r.method().equals("POST"));
    }

    @Test
    void theSeedFixesTheSampleAndAnotherSeedChangesIt() {
        SampleTraffic.Sample one = SampleTraffic.generate(5, 120, counter(), START);
        SampleTraffic.Sample again = SampleTraffic.generate(5, 120, counter(), START);
        SampleTraffic.Sample other = SampleTraffic.generate(6, 120, counter(), START);
        assertThat(again.requests()).isEqualTo(one.requests());
        assertThat(other.requests()).isNotEqualTo(one.requests());
    }

    @Test
    void aSampleNeedsAtLeastOneEvent() {
        assertThatThrownBy(() -> SampleTraffic.generate(1, 0, counter(), START))
                .hasMessage("events: expected a positive number of events, got 0");
    }

    @Test
    void durationsAreWrittenWithAUnitAndErrorsNameTheOption() {
        assertThat(DemoMain.duration("--timeout", "90s")).hasSeconds(90);
        assertThat(DemoMain.duration("--timeout", "5m")).hasMinutes(5);
        assertThatThrownBy(() -> DemoMain.duration("--timeout", "90"))
                .hasMessage("--timeout: expected a duration such as 90s, 5m or 1h, got '90'");
        assertThatThrownBy(() -> DemoMain.duration("--timeout", "0s"))
                .hasMessage("--timeout: expected a positive duration, got '0s'");
    }

    private static Supplier<UUID> counter() {
        AtomicLong next = new AtomicLong();
        return () -> new UUID(0, next.incrementAndGet());
    }

    /** The events of a request: the pixel's query string, or a tp2 body's data array. */
    private static List<Map<String, String>> events(TrackerRequest request) throws IOException {
        if (request.body() == null) {
            Map<String, String> params = new LinkedHashMap<>();
            String query = request.pathAndQuery().substring(request.pathAndQuery().indexOf('?') + 1);
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            return List.of(params);
        }
        assertThat(request.pathAndQuery()).isEqualTo(SampleTraffic.TP2);
        JsonNode payload = JSON.readTree(request.body());
        assertThat(IGLU.validate(SelfDescribingJson.parse(payload)).isValid()).as("payload_data").isTrue();
        List<Map<String, String>> events = new ArrayList<>();
        for (JsonNode item : payload.path("data")) {
            Map<String, String> params = new LinkedHashMap<>();
            item.properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            events.add(params);
        }
        return events;
    }

    /** The contexts and the self-describing event of an event, unwrapped from their envelopes. */
    private static List<SelfDescribingJson> entities(Map<String, String> event) throws IOException {
        List<SelfDescribingJson> entities = new ArrayList<>();
        String contexts = event.containsKey("co") ? event.get("co") : decode(event.get("cx"));
        if (contexts != null) {
            SelfDescribingJson envelope = SelfDescribingJson.parse(contexts);
            assertThat(IGLU.validate(envelope).isValid()).isTrue();
            envelope.data().forEach(c -> entities.add(SelfDescribingJson.parse(c)));
        }
        String unstruct = event.containsKey("ue_pr") ? event.get("ue_pr") : decode(event.get("ue_px"));
        if (unstruct != null) {
            SelfDescribingJson envelope = SelfDescribingJson.parse(unstruct);
            assertThat(IGLU.validate(envelope).isValid()).isTrue();
            entities.add(SelfDescribingJson.parse(envelope.data()));
        }
        return entities;
    }

    private static String decode(String base64url) {
        return base64url == null ? null : new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8);
    }

    /** The warehouse table of an entity, as the shredder names it. */
    private static String table(SelfDescribingJson entity) {
        String[] parts = entity.schema().toUri().substring("iglu:".length()).split("/");
        return (parts[0].replace('.', '_').replace('-', '_') + "_" + parts[1] + "_" + parts[3].split("-")[0])
                .toLowerCase(java.util.Locale.ROOT);
    }
}
