package dev.tributary.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.enrich.app.Versions;
import dev.tributary.enrich.output.OutputLimit;
import dev.tributary.enrich.output.RefusedRecords;
import dev.tributary.enrich.processing.RegistryBackoff;
import dev.tributary.schemas.avro.CollectorPayload;
import dev.tributary.schemas.serde.AvroSerializer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded corpus of hostile raw records through the whole topology: oversized bodies and headers, deep JSON,
 * invalid UTF-8 and base64, wrong schemas, huge contexts, random bytes, mixed with valid events. For every record,
 * good + bad is exactly the number of events it holds; every bad row validates against its schema and every record
 * written fits the output limit. The limit is 64 KiB here (instead of Kafka's 1 MiB) so that oversized inputs stay
 * cheap to generate; the end-to-end test in local-stack covers the default.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileCorpusTest {

    static final int SEEDS = 10_240;
    static final OutputLimit LIMIT = new OutputLimit(64 * 1024);
    private static final String TP2 = "/com.snowplowanalytics.snowplow/tp2";
    private static final String PAYLOAD_DATA = "iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4";
    private static final String CONTEXTS = "iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1";
    private static final String UNSTRUCT = "iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0";

    /** The kinds of hostile record; each seed picks one. */
    enum Kind {
        VALID_PAGE_VIEW, VALID_BATCH, OVERSIZED_BODY, OVERSIZED_HEADERS, DEEP_BODY, DEEP_CONTEXT, INVALID_UTF8_QUERY,
        INVALID_UTF8_RECORD, INVALID_BASE64, WRONG_PAYLOAD_SCHEMA, WRONG_COLLECTOR_SCHEMA, UNKNOWN_CONTEXT_SCHEMA,
        HUGE_CONTEXT, HUGE_PARAMETERS, RANDOM_BYTES, TRUNCATED_RECORD
    }

    /** A raw record and how many events it holds (each gives exactly one good event or one bad row). */
    record Hostile(Kind kind, byte[] raw, int events) {
    }

    static EnrichDriver driver;
    static AvroSerializer<CollectorPayload> serializer;
    static final Map<Kind, int[]> TALLY = new EnumMap<>(Kind.class);
    static final int[] TOTAL = new int[4]; // records, events, good, bad
    static final Map<String, Integer> BAD_TYPES = new java.util.TreeMap<>();

    @BeforeAll
    static void start() {
        EnrichTopology.Safeguards safeguards = new EnrichTopology.Safeguards(LIMIT,
                new RegistryBackoff(Duration.ofMillis(1), Duration.ofMillis(1), d -> { }), new RefusedRecords(),
                Versions.PROCESSOR, Clock.fixed(EnrichDriver.ETL, ZoneOffset.UTC));
        driver = new EnrichDriver(safeguards, UnaryOperator.identity());
        serializer = driver.rawSerializer();
    }

    @AfterAll
    static void stop() {
        driver.close();
    }

    static LongStream seeds() {
        return LongStream.range(0, SEEDS);
    }

    @Order(1)
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyEventGivesExactlyOneOutputThatFitsAndValidates(long seed) {
        // Sequential seeds give java.util.Random correlated first values: mix them, and take the kind round-robin
        // so that every kind is covered evenly.
        Kind kind = Kind.values()[(int) (seed % Kind.values().length)];
        Hostile hostile = generate(kind, new Random(seed * 0x9E3779B97F4A7C15L));

        driver.sendBytes(hostile.raw());

        List<KeyValue<byte[], byte[]>> good = driver.records("enriched");
        List<KeyValue<byte[], byte[]>> bad = driver.records("bad");
        assertThat(good.size() + bad.size()).as("outputs of seed %d (%s)", seed, hostile.kind())
                .isEqualTo(hostile.events());
        for (KeyValue<byte[], byte[]> record : good) {
            assertThat(OutputLimit.sizeOf(record.key, record.value)).isLessThanOrEqualTo(LIMIT.maxRecordBytes());
            EnrichedLines.fields(new String(record.value, StandardCharsets.UTF_8));
        }
        List<String> badTypes = new ArrayList<>();
        for (KeyValue<byte[], byte[]> record : bad) {
            assertThat(OutputLimit.sizeOf(record.key, record.value)).isLessThanOrEqualTo(LIMIT.maxRecordBytes());
            badTypes.add(EnrichedLines.validBadRow(new String(record.value, StandardCharsets.UTF_8)).schema().name());
        }
        assertThat(driver.records("pii")).isEmpty();
        synchronized (TALLY) {
            int[] tally = TALLY.computeIfAbsent(hostile.kind(), k -> new int[3]);
            tally[0]++;
            tally[1] += good.size();
            tally[2] += bad.size();
            TOTAL[0]++;
            TOTAL[1] += hostile.events();
            TOTAL[2] += good.size();
            TOTAL[3] += bad.size();
            badTypes.forEach(type -> BAD_TYPES.merge(type, 1, Integer::sum));
        }
    }

    @Order(2)
    @Test
    void theCorpusCoveredEveryKindAndLostNothing() {
        System.out.printf("hostile corpus: records=%d events=%d good=%d bad=%d lost=%d%n", TOTAL[0], TOTAL[1],
                TOTAL[2], TOTAL[3], TOTAL[1] - TOTAL[2] - TOTAL[3]);
        TALLY.forEach((kind, t) -> System.out.printf("  %-24s records=%d good=%d bad=%d%n", kind, t[0], t[1], t[2]));
        System.out.println("  bad rows by type: " + BAD_TYPES);
        if (TOTAL[0] < SEEDS) {
            return; // a single seed was run on its own
        }
        assertThat(TALLY.keySet()).containsExactlyInAnyOrder(Kind.values());
        assertThat(TOTAL[2] + TOTAL[3]).isEqualTo(TOTAL[1]);
        assertThat(TOTAL[2]).as("valid events enriched").isPositive();
        assertThat(driver.metrics().oversizedCount()).as("outputs replaced by size_violation").isPositive();
        assertThat(BAD_TYPES).containsKey("size_violation");
    }

    Hostile generate(Kind kind, Random random) {
        return switch (kind) {
            case VALID_PAGE_VIEW -> avro(kind, RawPayloads.get("/i", pageView(random)), 1);
            case VALID_BATCH -> {
                int n = 1 + random.nextInt(5);
                StringBuilder items = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    items.append(i == 0 ? "" : ",").append("{\"e\":\"pv\",\"p\":\"web\",\"tv\":\"js-3\",\"eid\":\"")
                            .append(new UUID(random.nextLong(), random.nextLong())).append("\",\"url\":")
                            .append(random.nextBoolean() ? "\"https://shop.example.com/\"" : "\"::not a url\"")
                            .append('}');
                }
                yield avro(kind, RawPayloads.post(TP2, "", "application/json",
                        "{\"schema\":\"" + PAYLOAD_DATA + "\",\"data\":[" + items + "]}"), n);
            }
            case OVERSIZED_BODY -> avro(kind, RawPayloads.post(TP2, "", random.nextBoolean() ? "application/json"
                    : "text/plain", text(random, LIMIT.maxRecordBytes() / 2 + random.nextInt(LIMIT.maxRecordBytes()))),
                    1);
            case OVERSIZED_HEADERS -> {
                List<String> headers = new ArrayList<>();
                for (int i = 0; i < 1 + random.nextInt(4); i++) {
                    headers.add("X-Junk-" + i + ": " + text(random, 10_000 + random.nextInt(30_000)));
                }
                yield avro(kind, RawPayloads.base("/i").setQuerystring(pageView(random)).setHeaders(headers).build(),
                        1);
            }
            case DEEP_BODY -> {
                int depth = 51 + random.nextInt(20_000);
                yield avro(kind, RawPayloads.post(TP2, "", "application/json",
                        "{\"schema\":\"" + PAYLOAD_DATA + "\",\"data\":" + "[".repeat(depth) + "]".repeat(depth) + "}"),
                        1);
            }
            case DEEP_CONTEXT -> {
                int depth = 51 + random.nextInt(5_000);
                String context = "{\"schema\":\"" + CONTEXTS + "\",\"data\":[" + "{\"a\":".repeat(depth) + "1"
                        + "}".repeat(depth) + "]}";
                yield avro(kind, RawPayloads.get("/i", pageView(random) + "&cx=" + base64(context)), 1);
            }
            case INVALID_UTF8_QUERY -> avro(kind, RawPayloads.get("/i", pageView(random) + "&page=%FF%FE%C3%28"
                    + "&se_la=%ED%A0%80"), 1);
            case INVALID_UTF8_RECORD -> {
                byte[] raw = serializer.serialize("raw", RawPayloads.post(TP2, "", "application/json",
                        "{\"schema\":\"" + PAYLOAD_DATA + "\",\"data\":[{\"e\":\"pv\",\"page\":\"" + "é".repeat(40)
                                + "\"}]}"));
                // Corrupt the UTF-8 of the body in place: 0xC3 0xA9 becomes 0xC3 0xFF.
                for (int i = 1; i < raw.length; i++) {
                    if ((raw[i - 1] & 0xFF) == 0xC3 && (raw[i] & 0xFF) == 0xA9 && random.nextInt(3) == 0) {
                        raw[i] = (byte) 0xFF;
                    }
                }
                yield new Hostile(kind, raw, 1);
            }
            case INVALID_BASE64 -> avro(kind, RawPayloads.get("/i", pageView(random) + "&"
                    + (random.nextBoolean() ? "cx" : "ue_px") + "=" + URLEncoder.encode("%%not*base64!!" + text(random,
                    200), StandardCharsets.UTF_8)), 1);
            case WRONG_PAYLOAD_SCHEMA -> avro(kind, RawPayloads.post(TP2, "", "application/json",
                    "{\"schema\":\"iglu:com.acme/payload/jsonschema/1-0-0\",\"data\":[{\"e\":\"pv\"}]}"), 1);
            case WRONG_COLLECTOR_SCHEMA -> avro(kind, RawPayloads.base("/i").setQuerystring(pageView(random))
                    .setSchema$("iglu:com.acme/CollectorPayload/thrift/9-0-0").build(), 1);
            case UNKNOWN_CONTEXT_SCHEMA -> avro(kind, RawPayloads.get("/i", pageView(random) + "&cx=" + base64(
                    "{\"schema\":\"" + CONTEXTS + "\",\"data\":[{\"schema\":\"iglu:com.acme/nothing/jsonschema/1-0-0\","
                            + "\"data\":{\"x\":\"" + text(random, 3000) + "\"}}]}")), 1);
            case HUGE_CONTEXT -> {
                // A schema_violations row quotes the context twice (parameter and enriched field): often oversized.
                String big = "{\"schema\":\"" + CONTEXTS + "\",\"data\":[{\"schema\":\"iglu:com.snowplowanalytics."
                        + "snowplow/web_page/jsonschema/1-0-0\",\"data\":{\"id\":\"" + text(random,
                        20_000 + random.nextInt(60_000)) + "\"}}]}";
                yield avro(kind, RawPayloads.post(TP2, "", "application/json", "{\"schema\":\"" + PAYLOAD_DATA
                        + "\",\"data\":[{\"e\":\"ue\",\"p\":\"web\",\"tv\":\"js-3\",\"ue_pr\":" + quote("{\"schema\":\""
                        + UNSTRUCT + "\",\"data\":{\"schema\":\"iglu:com.acme/x/jsonschema/1-0-0\",\"data\":{}}}")
                        + ",\"co\":" + quote(big) + "}]}"), 1);
            }
            case HUGE_PARAMETERS -> avro(kind, RawPayloads.get("/i", pageView(random) + "&page="
                    + URLEncoder.encode(text(random, 5_000 + random.nextInt(40_000)), StandardCharsets.UTF_8)
                    + "&refr=" + URLEncoder.encode(text(random, 5_000), StandardCharsets.UTF_8)), 1);
            case RANDOM_BYTES -> {
                byte[] raw = new byte[random.nextInt(2_000)];
                random.nextBytes(raw);
                yield new Hostile(kind, raw, 1);
            }
            case TRUNCATED_RECORD -> {
                byte[] raw = serializer.serialize("raw", RawPayloads.get("/i", pageView(random)));
                yield new Hostile(kind, java.util.Arrays.copyOf(raw, random.nextInt(raw.length)), 1);
            }
        };
    }

    private Hostile avro(Kind kind, CollectorPayload payload, int events) {
        return new Hostile(kind, serializer.serialize("raw", payload), events);
    }

    private static String pageView(Random random) {
        return "e=pv&p=web&tv=js-3&eid=" + new UUID(random.nextLong(), random.nextLong())
                + "&url=https%3A%2F%2Fshop.example.com%2Fp";
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Printable text with quotes, backslashes, tabs, newlines, control characters and non-ASCII. */
    private static String text(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(20);
            sb.append(switch (pick) {
                case 0 -> '"';
                case 1 -> '\\';
                case 2 -> '\t';
                case 3 -> (char) random.nextInt(0x20);
                case 4 -> (char) (0xA0 + random.nextInt(0x2000));
                default -> (char) ('a' + random.nextInt(26));
            });
        }
        return sb.toString();
    }
}
