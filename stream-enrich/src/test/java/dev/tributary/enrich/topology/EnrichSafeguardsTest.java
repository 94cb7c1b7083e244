package dev.tributary.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.enrich.app.Versions;
import dev.tributary.enrich.config.EnrichConfig;
import dev.tributary.enrich.enrichments.ConfiguredEnrichment;
import dev.tributary.enrich.enrichments.Enrichment;
import dev.tributary.enrich.enrichments.EnrichmentChain;
import dev.tributary.enrich.enrichments.EnrichmentResult;
import dev.tributary.enrich.output.Destination;
import dev.tributary.enrich.output.OutputLimit;
import dev.tributary.enrich.output.RefusedRecords;
import dev.tributary.enrich.processing.RegistryBackoff;
import dev.tributary.schemas.avro.CollectorPayload;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.SchemaKey;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import dev.tributary.schemas.registry.SchemaRegistryException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/**
 * What keeps one record from stalling enrichment, through the whole topology: the output size guard, the JSON
 * depth limit, failures that become bad rows, the schema registry backoff and the replacement of refused records.
 */
class EnrichSafeguardsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TP2 = "/com.snowplowanalytics.snowplow/tp2";
    private static final Clock CLOCK = Clock.fixed(EnrichDriver.ETL, ZoneOffset.UTC);

    private final List<Duration> waits = new ArrayList<>();
    private final RefusedRecords refused = new RefusedRecords();
    private final RegistryBackoff backoff = new RegistryBackoff(Duration.ofMillis(100), Duration.ofSeconds(5),
            waits::add);
    private final EnrichTopology.Safeguards safeguards = new EnrichTopology.Safeguards(OutputLimit.kafkaDefault(),
            backoff, refused, Versions.PROCESSOR, CLOCK);

    private static CollectorPayload pageView(String eid) {
        return RawPayloads.get("/i", "e=pv&p=web&tv=js-3&eid=" + eid + "&url=https%3A%2F%2Fshop.example.com%2F");
    }

    @Test
    void sevenHundredKilobytesOfNonJsonBecomeOneSizeViolationAndTheNextEventIsEnriched() throws Exception {
        try (EnrichDriver driver = new EnrichDriver(safeguards, UnaryOperator.identity())) {
            String body = "not json ".repeat(700_000 / 9);
            String eid = UUID.randomUUID().toString();

            driver.send(RawPayloads.post(TP2, "", "application/json", body)).send(pageView(eid));

            List<KeyValue<byte[], byte[]>> bad = driver.records("bad");
            assertThat(bad).hasSize(1);
            KeyValue<byte[], byte[]> row = bad.get(0);
            assertThat(OutputLimit.sizeOf(row.key, row.value)).isLessThanOrEqualTo(OutputLimit.kafkaDefault()
                    .maxRecordBytes());
            String line = new String(row.value, StandardCharsets.UTF_8);
            SelfDescribingJson sdj = EnrichedLines.validBadRow(line);
            assertThat(sdj.schema().name()).isEqualTo("size_violation");
            JsonNode failure = sdj.data().path("failure");
            // The tracker_protocol_violations row it replaces holds the body twice, JSON-escaped: over 1.4 MB.
            assertThat(failure.path("actualSizeBytes").asInt()).isGreaterThan(1_400_000);
            assertThat(failure.path("maximumAllowedSizeBytes").asInt()).isEqualTo(1_048_576 - 1024);
            assertThat(sdj.data().path("payload").asText())
                    .startsWith("{\"schema\":\"iglu:com.snowplowanalytics.snowplow.badrows/tracker_protocol_violations");
            assertThat(driver.good()).singleElement().satisfies(f -> assertThat(f.get("event_id")).isEqualTo(eid));
            assertThat(driver.metrics().oversizedCount()).isEqualTo(1);
        }
    }

    @Test
    void jsonDeeperThanTheLimitIsABadRowNamingTheLimit() {
        String deepBody = "{\"a\":".repeat(60) + "1" + "}".repeat(60);
        String deepContext = "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-0\",\"data\":"
                + "[".repeat(20_000) + "]".repeat(20_000) + "}";
        try (EnrichDriver driver = new EnrichDriver(safeguards, UnaryOperator.identity())) {
            driver.send(RawPayloads.post(TP2, "", "application/json", deepBody));
            driver.send(RawPayloads.get("/i", "e=pv&p=web&tv=js-3&cx="
                    + Base64.getUrlEncoder().encodeToString(deepContext.getBytes(StandardCharsets.UTF_8))));

            List<SelfDescribingJson> bad = driver.bad();
            assertThat(bad).extracting(r -> r.schema().name())
                    .containsExactly("tracker_protocol_violations", "schema_violations");
            assertThat(bad).allSatisfy(r -> assertThat(r.data().path("failure").toString())
                    .contains("maximum of 50 levels (enrich.validation.max-json-depth)"));
            assertThat(driver.good()).isEmpty();
        }
    }

    @Test
    void anEnrichmentThatOverflowsTheStackOrThrowsMakesABadRowAndTheStreamGoesOn() {
        Enrichment overflowing = new Enrichment() {
            @Override
            public String name() {
                return "overflowing";
            }

            @Override
            public EnrichmentResult enrich(EnrichedEvent event, dev.tributary.enrich.enrichments.EnrichmentContext c) {
                if ("deep".equals(event.getAppId())) {
                    return recurse(0);
                }
                if ("bug".equals(event.getAppId())) {
                    throw new IllegalStateException("a bug");
                }
                return EnrichmentResult.none();
            }

            private EnrichmentResult recurse(int depth) {
                return depth < 0 ? EnrichmentResult.none() : recurse(depth + 1);
            }
        };
        EnrichmentChain chain = EnrichmentChain.of(List.of(new ConfiguredEnrichment(
                SchemaKey.parse("iglu:com.acme/overflowing/jsonschema/1-0-0"), "overflowing", overflowing)));
        try (EnrichDriver driver = new EnrichDriver(chain, EnrichConfig.PartitionKey.EVENT_ID, Resolver.bundled(),
                safeguards, UnaryOperator.identity())) {
            driver.send(RawPayloads.get("/i", "e=pv&p=web&tv=js-3&aid=deep"));
            driver.send(RawPayloads.get("/i", "e=pv&p=web&tv=js-3&aid=bug"));
            driver.send(RawPayloads.get("/i", "e=pv&p=web&tv=js-3&aid=fine"));

            List<SelfDescribingJson> bad = driver.bad();
            assertThat(bad).extracting(r -> r.schema().name())
                    .containsExactly("enrichment_failures", "enrichment_failures");
            assertThat(bad.get(0).data().path("failure").toString()).contains("StackOverflowError");
            assertThat(bad.get(1).data().path("failure").toString()).contains("IllegalStateException");
            assertThat(driver.good()).singleElement().satisfies(f -> assertThat(f.get("app_id")).isEqualTo("fine"));
        }
    }

    @Test
    void aDeserializerThatOverflowsTheStackMakesAFormatViolation() {
        UnaryOperator<Deserializer<CollectorPayload>> overflowing = real -> (topic, data) -> {
            throw new StackOverflowError();
        };
        try (EnrichDriver driver = new EnrichDriver(safeguards, overflowing)) {
            driver.send(pageView(UUID.randomUUID().toString()));

            assertThat(driver.bad()).extracting(r -> r.schema().name())
                    .containsExactly("collector_payload_format_violation");
        }
    }

    @Test
    void aRegistryOutageIsRetriedInPlaceWithBackoffWhileHealthIsUnhealthyAndGivesNoBadRow() {
        AtomicInteger outages = new AtomicInteger(3);
        List<Boolean> healthDuringOutage = new ArrayList<>();
        UnaryOperator<Deserializer<CollectorPayload>> flaky = real -> (topic, data) -> {
            if (outages.getAndDecrement() > 0) {
                throw new SchemaRegistryException("connection refused", new java.net.ConnectException());
            }
            healthDuringOutage.add(backoff.healthy());
            return real.deserialize(topic, data);
        };
        try (EnrichDriver driver = new EnrichDriver(safeguards, flaky)) {
            String eid = UUID.randomUUID().toString();

            driver.send(pageView(eid));

            // Three failed lookups, each followed by a longer wait, the record retried after each; the lookup that
            // finally succeeded still saw the registry marked unhealthy, and success restored health.
            assertThat(waits).extracting(Duration::toMillis).containsExactly(100L, 200L, 400L);
            assertThat(healthDuringOutage).containsExactly(false);
            assertThat(backoff.healthy()).isTrue();
            assertThat(driver.records("bad")).isEmpty();
            assertThat(driver.good()).singleElement().satisfies(f -> assertThat(f.get("event_id")).isEqualTo(eid));
            assertThat(driver.metrics().rawCount()).isEqualTo(1);
        }
    }

    @Test
    void aStoppedApplicationGivesTheRecordBackInsteadOfWaitingForTheRegistry() {
        UnaryOperator<Deserializer<CollectorPayload>> down = real -> (topic, data) -> {
            throw new SchemaRegistryException("connection refused", new java.net.ConnectException());
        };
        backoff.stop();
        try (EnrichDriver driver = new EnrichDriver(safeguards, down)) {
            Throwable thrown = catchThrowable(() -> driver.send(pageView(UUID.randomUUID().toString())));

            assertThat(causes(thrown)).anySatisfy(c -> assertThat(c).hasMessageContaining("schema registry"));
            assertThat(waits).isEmpty();
            assertThat(driver.records("bad")).isEmpty();
        }
    }

    @Test
    void aRawRecordWhoseOutputKafkaRefusedIsReplacedBySmallerBadRowsThenSkipped() throws Exception {
        // Offsets of the test driver's raw topic start at 0 on partition 0.
        refused.refused(new RefusedRecords.Source("raw", 0, 0), Destination.BAD,
                RefusedRecords.Reason.RECORD_TOO_LARGE, 900_000);
        refused.refused(new RefusedRecords.Source("raw", 0, 1), Destination.ENRICHED,
                RefusedRecords.Reason.OTHER, 500);
        for (int i = 0; i < 2; i++) {
            refused.refused(new RefusedRecords.Source("raw", 0, 2), Destination.BAD,
                    RefusedRecords.Reason.RECORD_TOO_LARGE, 900_000);
        }
        for (int i = 0; i < 3; i++) {
            refused.refused(new RefusedRecords.Source("raw", 0, 3), Destination.BAD,
                    RefusedRecords.Reason.RECORD_TOO_LARGE, 900_000);
        }
        try (EnrichDriver driver = new EnrichDriver(safeguards, UnaryOperator.identity())) {
            String fine = UUID.randomUUID().toString();
            for (int i = 0; i < 4; i++) {
                driver.send(pageView(UUID.randomUUID().toString()));
            }
            driver.send(pageView(fine));

            List<SelfDescribingJson> bad = driver.bad();
            assertThat(bad).extracting(r -> r.schema().name())
                    .containsExactly("size_violation", "generic_error", "size_violation");
            String firstPayload = bad.get(0).data().path("payload").asText();
            assertThat(firstPayload).isNotEmpty();
            assertThat(Base64.getDecoder().decode(firstPayload)).isNotEmpty();
            assertThat(bad.get(0).data().path("failure").path("actualSizeBytes").asInt()).isEqualTo(900_000);
            assertThat(bad.get(1).data().path("failure").path("errors").toString()).contains("enriched", "other");
            assertThat(bad.get(2).data().path("payload").asText()).isEmpty();
            assertThat(driver.good()).singleElement().satisfies(f -> assertThat(f.get("event_id")).isEqualTo(fine));
            assertThat(driver.metrics().rawCount()).isEqualTo(5);
        }
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }
}
