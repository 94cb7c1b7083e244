package dev.tributary.localstack;

import static dev.tributary.localstack.StackTestSupport.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.snowplowanalytics.snowplow.tracker.Tracker;
import com.snowplowanalytics.snowplow.tracker.configuration.EmitterConfiguration;
import com.snowplowanalytics.snowplow.tracker.configuration.NetworkConfiguration;
import com.snowplowanalytics.snowplow.tracker.configuration.TrackerConfiguration;
import com.snowplowanalytics.snowplow.tracker.emitter.BatchEmitter;
import com.snowplowanalytics.snowplow.tracker.events.PageView;
import com.snowplowanalytics.snowplow.tracker.events.SelfDescribing;
import com.snowplowanalytics.snowplow.tracker.events.Structured;
import com.snowplowanalytics.snowplow.tracker.payload.SelfDescribingJson;
import dev.tributary.infra.net.BindAddress;
import dev.tributary.localstack.demo.DemoMain;
import dev.tributary.localstack.demo.SampleTraffic;
import dev.tributary.trigger.events.JdkHttpAdapter;
import dev.tributary.localstack.status.StatusMain;
import dev.tributary.schemas.avro.CollectorPayload;
import dev.tributary.schemas.enriched.EnrichedTsv;
import dev.tributary.schemas.registry.HttpSchemaRegistryClient;
import dev.tributary.schemas.serde.AvroDeserializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole product on one started stack, real parts only: events go in through the collector and come out of
 * PostgreSQL after {@code ./pipeline batch} (the script, as a child process: generated config, the trigger's local
 * runner, the shredder's Spark JVM, the loader). First the Snowplow Java tracker's events, checked at every stage by
 * this test; then {@code ./pipeline demo}, whose printed table must equal what this test reads itself from Kafka, S3
 * and PostgreSQL; then {@code ./pipeline status}. One stack for the three keeps the suite a stack start shorter;
 * each test counts against its own starting point, so the order only saves time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholePipelineIT {

    private static final Path PROJECT_ROOT = Path.of("").toAbsolutePath().getParent();
    private static final String BUCKET = "tributary";
    private static final String KMS_KEY = "arn:aws:kms:us-east-1:000000000000:key/whole-pipeline-it";
    private static final String WEB_PAGE = "iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0";
    private static final String LINK_CLICK = "iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1";
    private static final List<String> PREFIXES = List.of("enriched/", "bad/", "raw/", "batch/enriched/archive/",
            "batch/shredded/archive/", "batch/shredded/good/", "batch/enriched/good/");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dataDir;
    private StackSettings settings;
    private RunningStack stack;
    private Map<String, String> endpoints;
    private S3Client s3;

    @BeforeAll
    void startStack() throws IOException {
        dataDir = Files.createTempDirectory("whole-pipeline-it").resolve("data");
        settings = new StackSettings(dataDir, freePort(), freePort(), freePort(), freePort(), freePort(), BUCKET,
                KMS_KEY, freePort(), freePort(), BindAddress.LOOPBACK, freePort());
        stack = RunningStack.start(settings);
        endpoints = stack.endpoints().stream().collect(Collectors.toMap(Endpoint::name, Endpoint::address));
        s3 = StackTestSupport.s3(endpoints.get("s3"));
    }

    @AfterAll
    void stopStack() throws IOException {
        if (s3 != null) {
            s3.close();
        }
        if (stack != null) {
            stack.close();
        }
        // The stack's data goes; the batch and demo logs beside it stay for whoever reads a failure.
        if (dataDir != null && Files.exists(dataDir)) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Test
    @Order(1)
    void javaTrackerEventsReachEveryStageAndTheWarehouseOnce() throws Exception {
        String kafka = endpoints.get("kafka");
        Map<TopicPartition, Long> rawStart = StackReader.endOffsets(kafka, "raw");
        Map<TopicPartition, Long> enrichedStart = StackReader.endOffsets(kafka, "enriched");
        Map<TopicPartition, Long> badStart = StackReader.endOffsets(kafka, "bad");
        Map<String, Set<String>> before = keysByPrefix();

        // The Snowplow Java tracker, unchanged, batching its events into tp2 POSTs.
        BatchEmitter emitter = new BatchEmitter(new NetworkConfiguration(new JdkHttpAdapter(endpoints.get("collector"), Duration.ofSeconds(10))),
                new EmitterConfiguration().batchSize(5));
        Tracker tracker = new Tracker(new TrackerConfiguration("e2e", "tracker-shop"), emitter);
        List<String> good = new ArrayList<>();
        int webPageContexts = 0;
        for (int i = 0; i < 8; i++) {
            good.addAll(tracker.track(PageView.builder().pageUrl("https://shop.example.com/p/" + i)
                    .pageTitle("Product " + i).referrer("https://www.google.com/search?q=shoes")
                    .customContext(List.of(webPage())).build()));
            webPageContexts++;
        }
        for (int i = 0; i < 4; i++) {
            good.addAll(tracker.track(Structured.builder().category("basket").action("add").label("sku-" + i)
                    .value(19.99).build()));
        }
        for (int i = 0; i < 4; i++) {
            good.addAll(tracker.track(SelfDescribing.builder().eventData(new SelfDescribingJson(LINK_CLICK,
                    Map.of("targetUrl", "https://partner.example.org/" + i, "elementId", "deal-" + i)))
                    .customContext(List.of(webPage())).build()));
            webPageContexts++;
        }
        // Valid JSON, invalid event: a link_click without its required targetUrl.
        List<String> bad = tracker.track(SelfDescribing.builder().eventData(new SelfDescribingJson(LINK_CLICK,
                Map.of("elementId", "broken"))).build());
        emitter.flushBuffer();
        List<String> all = new ArrayList<>(good);
        all.addAll(bad);

        // Raw: every tracked event inside the collector payloads, each once.
        AvroDeserializer<CollectorPayload> payloads = new AvroDeserializer<>(CollectorPayload.class,
                new HttpSchemaRegistryClient(URI.create(endpoints.get("schema-registry"))));
        List<String> rawEventIds = new ArrayList<>();
        await("tracked events on the raw topic").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    rawEventIds.clear();
                    for (ConsumerRecord<byte[], byte[]> record : StackReader.records(kafka, rawStart)) {
                        CollectorPayload payload = payloads.deserialize("raw", record.value());
                        JSON.readTree(payload.getBody()).path("data").forEach(e -> rawEventIds.add(e.path("eid").asText()));
                    }
                    return rawEventIds.size() >= all.size();
                });
        tracker.close();
        assertThat(rawEventIds).containsExactlyInAnyOrderElementsOf(all);
        long rawRecords = StackReader.sum(StackReader.endOffsets(kafka, "raw")) - StackReader.sum(rawStart);

        // Enriched: the good ones, once; bad: one schema_violations row for the broken one.
        List<String> enrichedIds = new ArrayList<>();
        List<JsonNode> badRows = new ArrayList<>();
        await("enriched events and bad rows").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    enrichedIds.clear();
                    for (ConsumerRecord<byte[], byte[]> record : StackReader.records(kafka, enrichedStart)) {
                        enrichedIds.add(EnrichedTsv.parse(StackReader.text(record)).getEventId());
                    }
                    badRows.clear();
                    for (ConsumerRecord<byte[], byte[]> record : StackReader.records(kafka, badStart)) {
                        badRows.add(JSON.readTree(record.value()));
                    }
                    return enrichedIds.size() >= good.size() && !badRows.isEmpty();
                });
        assertThat(enrichedIds).containsExactlyInAnyOrderElementsOf(good);
        assertThat(badRows).hasSize(1);
        assertThat(badRows.get(0).path("schema").asText())
                .isEqualTo("iglu:com.snowplowanalytics.snowplow.badrows/schema_violations/jsonschema/2-0-1");
        assertThat(badRows.get(0).toString()).contains(bad.get(0));

        // S3: the loaders wrote every record under its prefix with that prefix's encryption.
        awaitLines("enriched/", before, good.size());
        awaitLines("bad/", before, 1);
        awaitLines("raw/", before, rawRecords);
        List<String> streamObjects = added("enriched/", before);
        assertThat(encryptions(streamObjects)).containsOnly("AES256");
        assertThat(encryptions(added("bad/", before))).containsOnly("AES256");
        assertThat(encryptions(added("raw/", before))).containsOnly("aws:kms");
        List<String> streamLines = linesOf(streamObjects);
        assertThat(streamLines).extracting(l -> EnrichedTsv.parse(l).getEventId())
                .containsExactlyInAnyOrderElementsOf(good);

        // The batch, through the script a user runs.
        Map<String, Long> rowsBefore = StackReader.atomicTableRows(jdbcUrl());
        BatchRun first = runBatchScript("first");
        assertThat(first.exitCode()).as("./pipeline batch exit code; output in %s", first.log()).isZero();
        assertThat(Files.readString(first.log())).as("the script found the build of the reactor")
                .doesNotContain("Building the batch-trigger");

        // Staged out of the stream prefix, archived with SSE under both archives; nothing left in the good folders.
        assertThat(added("enriched/", before)).isEmpty();
        List<String> enrichedArchive = added("batch/enriched/archive/", before);
        assertThat(enrichedArchive).hasSameSizeAs(streamObjects);
        assertThat(encryptions(enrichedArchive)).containsOnly("AES256");
        assertThat(linesOf(enrichedArchive)).containsExactlyInAnyOrderElementsOf(streamLines);
        List<String> shreddedArchive = added("batch/shredded/archive/", before);
        assertThat(shreddedArchive).anyMatch(k -> k.contains("atomic-events"))
                .anyMatch(k -> k.endsWith("shredding_complete.json"));
        assertThat(encryptions(shreddedArchive)).containsOnly("AES256");
        assertThat(added("batch/shredded/good/", before)).isEmpty();
        assertThat(added("batch/enriched/good/", before)).isEmpty();

        // The warehouse: each good event once, its contexts and self-describing event joined to it.
        Map<String, Long> rowsAfter = StackReader.atomicTableRows(jdbcUrl());
        assertThat(StackReader.column(jdbcUrl(), "select event_id from atomic.events where app_id = 'tracker-shop'"))
                .containsExactlyInAnyOrderElementsOf(good);
        assertThat(delta(rowsAfter, rowsBefore, "events")).isEqualTo(good.size());
        assertThat(delta(rowsAfter, rowsBefore, "com_snowplowanalytics_snowplow_web_page_1")).isEqualTo(webPageContexts);
        assertThat(delta(rowsAfter, rowsBefore, "com_snowplowanalytics_snowplow_link_click_1")).isEqualTo(4);
        assertThat(StackReader.column(jdbcUrl(), "select target_url from atomic.com_snowplowanalytics_snowplow_link_click_1 "
                + "l join atomic.events e on e.event_id = l.root_id and e.collector_tstamp = l.root_tstamp "
                + "where e.app_id = 'tracker-shop'"))
                .containsExactlyInAnyOrder("https://partner.example.org/0", "https://partner.example.org/1",
                        "https://partner.example.org/2", "https://partner.example.org/3");
        assertThat(StackReader.column(jdbcUrl(), "select count(*) from atomic.com_snowplowanalytics_snowplow_web_page_1 w "
                + "left join atomic.events e on e.event_id = w.root_id and e.collector_tstamp = w.root_tstamp "
                + "where e.event_id is null")).containsExactly("0");

        // A second run finds nothing new: exit 3, nothing loaded.
        BatchRun second = runBatchScript("second");
        assertThat(second.exitCode()).as("second ./pipeline batch; output in %s", second.log()).isEqualTo(3);
        assertThat(StackReader.atomicTableRows(jdbcUrl())).isEqualTo(rowsAfter);
    }

    @Test
    @Order(2)
    void demoPrintsWhatEachStageHolds() throws Exception {
        String kafka = endpoints.get("kafka");
        Map<TopicPartition, Long> rawStart = StackReader.endOffsets(kafka, "raw");
        Map<TopicPartition, Long> enrichedStart = StackReader.endOffsets(kafka, "enriched");
        Map<TopicPartition, Long> badStart = StackReader.endOffsets(kafka, "bad");
        Map<String, Set<String>> before = keysByPrefix();
        Map<String, Long> rowsBefore = StackReader.atomicTableRows(jdbcUrl());
        long seed = 7;
        int events = 60;

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(stackArgs());
        args.addAll(List.of("--seed", Long.toString(seed), "--events", Integer.toString(events),
                "--pipeline-script", PROJECT_ROOT.resolve("pipeline").toString()));
        int exit = DemoMain.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String table = out.toString(StandardCharsets.UTF_8);
        Path log = dataDir.resolveSibling("demo-stderr.log");
        Files.writeString(log, err.toString(StandardCharsets.UTF_8));
        assertThat(exit).as("demo exit code; stdout:%n%s%nstderr in %s", table, log).isZero();
        Map<String, Row> rows = parse(table);

        // What the demo sent and what the collector answered: the sample is fixed by its seed.
        SampleTraffic.Sample sample = SampleTraffic.generate(seed, events, UUID::randomUUID, Instant.now());
        int requests = sample.requests().size();
        assertThat(rows.get("requests answered 200").count()).isEqualTo(requests);
        assertThat(rows.keySet()).noneMatch(item -> item.startsWith("requests answered") && !item.endsWith(" 200"));

        // Kafka, read here.
        long raw = StackReader.sum(StackReader.endOffsets(kafka, "raw")) - StackReader.sum(rawStart);
        assertThat(rows.get("raw records (topic raw)").count()).isEqualTo(raw);
        long enriched = StackReader.records(kafka, enrichedStart).size();
        assertThat(enriched).isEqualTo(events);
        assertThat(rows.get("enriched events (topic enriched)").count()).isEqualTo(enriched);
        Map<String, Long> badByType = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> record : StackReader.records(kafka, badStart)) {
            String schema = JSON.readTree(record.value()).path("schema").asText();
            badByType.merge(schema.split("/")[1], 1L, Long::sum);
        }
        assertThat(badByType).containsOnlyKeys("schema_violations", "size_violation", "tracker_protocol_violations");
        Map<String, Long> printedBad = new TreeMap<>();
        rows.forEach((item, row) -> {
            if (item.startsWith("bad rows ")) {
                printedBad.put(item.substring("bad rows ".length()), row.count());
            }
        });
        assertThat(printedBad).isEqualTo(badByType);

        // S3, listed and HEADed here. The stream's enriched objects were staged by the batch: they are now the new
        // objects of the enriched archive, same count, same lines.
        assertS3Row(rows, "s3://tributary/bad/", added("bad/", before));
        assertS3Row(rows, "s3://tributary/raw/", added("raw/", before));
        assertS3Row(rows, "s3://tributary/enriched/", added("batch/enriched/archive/", before));
        assertS3Row(rows, "s3://tributary/batch/enriched/archive/", added("batch/enriched/archive/", before));
        assertS3Row(rows, "s3://tributary/batch/shredded/archive/", added("batch/shredded/archive/", before));
        assertThat(rows.get("s3://tributary/raw/").detail()).contains("sse=aws:kms");
        assertThat(rows.get("s3://tributary/enriched/").detail()).contains("sse=AES256");
        assertThat(rows.get("./pipeline batch exit code").count()).isZero();

        // PostgreSQL, counted here.
        Map<String, Long> rowsAfter = StackReader.atomicTableRows(jdbcUrl());
        assertThat(rows.get("atomic.events").count()).isEqualTo(delta(rowsAfter, rowsBefore, "events")).isEqualTo(events);
        for (String tableName : rowsAfter.keySet()) {
            if (!tableName.equals("events") && delta(rowsAfter, rowsBefore, tableName) > 0) {
                assertThat(rows.get("atomic." + tableName)).as("row of atomic.%s", tableName).isNotNull();
                assertThat(rows.get("atomic." + tableName).count()).as("atomic.%s", tableName)
                        .isEqualTo(delta(rowsAfter, rowsBefore, tableName));
            }
        }
        assertThat(sample.expected().entityRows()).containsKeys("com_snowplowanalytics_snowplow_web_page_1",
                "com_snowplowanalytics_snowplow_link_click_1", "com_snowplowanalytics_snowplow_mobile_context_1",
                "com_snowplowanalytics_mobile_screen_view_1", "nl_basjes_yauaa_context_1");
        sample.expected().entityRows().forEach((tableName, count) ->
                assertThat(rows.get("atomic." + tableName)).as("row of atomic.%s", tableName).isNotNull()
                        .extracting(Row::count).isEqualTo((long) count));
        assertThat(rows.values()).noneMatch(Row::shortfall);
        assertThat(table).contains("-- events per type", "-- top browsers (YAUAA context)");
    }

    @Test
    @Order(3)
    void statusShowsEveryComponentTheConsumerGroupsAndTheLastMinute() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 3; i++) {
            assertThat(http.send(HttpRequest.newBuilder(URI.create(endpoints.get("collector")
                    + "/i?e=pv&p=web&tv=status-it&aid=status&url=https%3A%2F%2Fshop.example.com%2F")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = StatusMain.run(stackArgs().toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isZero();
        for (String component : List.of("kafka", "schema-registry", "postgres", "collector", "stream-enrich", "s3",
                "s3-loader-enriched", "s3-loader-bad", "s3-loader-raw")) {
            assertThat(text).containsPattern("(?m)^" + component + " +UP");
        }
        for (String group : List.of("tributary-s3-loader-enriched", "tributary-s3-loader-bad", "tributary-s3-loader-raw",
                "tributary-stream-enrich")) {
            assertThat(text).containsPattern("(?m)^" + group + " +\\S+ +\\d+$");
        }
        // The three pixel requests above are on the raw topic, stamped within the last minute.
        String rawLine = text.lines().filter(l -> l.startsWith("raw ")).findFirst().orElseThrow();
        assertThat(Long.parseLong(rawLine.trim().split(" +")[1])).isGreaterThanOrEqualTo(3);
    }

    // ---- helpers

    private record Row(long count, String expected, String detail, boolean shortfall) {
    }

    /** The demo's stage table (its first block of {@code |} lines), by item. */
    private static Map<String, Row> parse(String stdout) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : stdout.lines().takeWhile(l -> !l.isBlank()).toList()) {
            String[] cells = line.split("\\|", -1);
            String item = cells[2].trim();
            if (item.equals("item") || item.startsWith("---")) {
                continue;
            }
            String detail = cells[5].trim();
            rows.put(item, new Row(Long.parseLong(cells[3].trim()), cells[4].trim(), detail,
                    detail.startsWith("SHORT")));
        }
        return rows;
    }

    private void assertS3Row(Map<String, Row> rows, String item, List<String> keys) {
        Row row = rows.get(item);
        assertThat(row).as("row %s", item).isNotNull();
        assertThat(row.count()).as("lines under %s", item).isEqualTo(linesOf(keys).size());
        Set<String> sse = encryptions(keys);
        assertThat(row.detail()).as(item).isEqualTo("objects=" + keys.size() + " sse="
                + (sse.isEmpty() ? "-" : String.join("+", sse)));
    }

    private List<String> stackArgs() {
        return List.of("--data-dir", dataDir.toString(), "--bucket", BUCKET,
                "--kafka-port", Integer.toString(settings.kafkaPort()),
                "--s3-port", Integer.toString(settings.s3Port()),
                "--postgres-port", Integer.toString(settings.postgresPort()),
                "--collector-port", Integer.toString(settings.collectorPort()),
                "--enrich-port", Integer.toString(settings.enrichPort()),
                "--health-port", Integer.toString(settings.healthPort()));
    }

    private record BatchRun(int exitCode, Path log) {
    }

    /** {@code ./pipeline batch} as a user runs it against this stack; output kept in a file beside the data. */
    private BatchRun runBatchScript(String name) throws IOException, InterruptedException {
        Path log = dataDir.resolveSibling("batch-" + name + ".log");
        Process process = new ProcessBuilder(PROJECT_ROOT.resolve("pipeline").toString(), "batch",
                "--data-dir", dataDir.toString(), "--s3-port", Integer.toString(settings.s3Port()),
                "--postgres-port", Integer.toString(settings.postgresPort()), "--bucket", BUCKET,
                // The counts below are the tracker's events alone; the run's own monitoring events reaching the
                // stack are batch-trigger's MonitoringEventsTest.
                "--no-monitoring-events")
                .directory(PROJECT_ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // A hang guard, not a timing claim: a batch that never ends fails here with its output at hand.
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("./pipeline batch did not finish; output in " + log);
        }
        return new BatchRun(process.exitValue(), log);
    }

    private void awaitLines(String prefix, Map<String, Set<String>> before, long expected) {
        await("lines under " + prefix).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> linesOf(added(prefix, before)).size() >= expected);
        assertThat(linesOf(added(prefix, before))).as("lines under %s", prefix).hasSize((int) expected);
    }

    private Map<String, Set<String>> keysByPrefix() {
        Map<String, Set<String>> keys = new HashMap<>();
        for (String prefix : PREFIXES) {
            keys.put(prefix, StackReader.keys(s3, BUCKET, prefix));
        }
        return keys;
    }

    private List<String> added(String prefix, Map<String, Set<String>> before) {
        return StackReader.keys(s3, BUCKET, prefix).stream().filter(k -> !before.get(prefix).contains(k)).toList();
    }

    private List<String> linesOf(List<String> keys) {
        List<String> lines = new ArrayList<>();
        for (String key : keys) {
            if (key.endsWith(".gz")) {
                lines.addAll(StackReader.lines(s3, BUCKET, key));
            }
        }
        return lines;
    }

    private Set<String> encryptions(List<String> keys) {
        Set<String> kinds = new TreeSet<>();
        keys.forEach(k -> kinds.add(StackReader.sse(s3, BUCKET, k)));
        return kinds;
    }

    private String jdbcUrl() {
        return endpoints.get("postgres");
    }

    private static long delta(Map<String, Long> after, Map<String, Long> before, String table) {
        return after.getOrDefault(table, 0L) - before.getOrDefault(table, 0L);
    }

    private static SelfDescribingJson webPage() {
        return new SelfDescribingJson(WEB_PAGE, Map.of("id", UUID.randomUUID().toString()));
    }
}
