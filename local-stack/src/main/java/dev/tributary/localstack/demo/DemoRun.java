package dev.tributary.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.localstack.client.BucketObjects;
import dev.tributary.localstack.client.KafkaCounters;
import dev.tributary.localstack.client.StackAddresses;
import dev.tributary.localstack.client.TopicReader;
import dev.tributary.localstack.client.Warehouse;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;

/**
 * One demo: snapshot what the stack holds, send the sample, then follow it stage by stage (raw topic, enriched and
 * bad topics, the loaders' S3 prefixes, the batch run, the warehouse), printing a table row as each count is final,
 * and finish with example queries. Counts are deltas against the snapshot, so a stack that already holds data gives
 * the same table. Each wait ends when the expected count is reached or after {@code timeout}.
 */
final class DemoRun {

    static final String RAW_TOPIC = "raw";
    static final String ENRICHED_TOPIC = "enriched";
    static final String BAD_TOPIC = "bad";
    static final String ENRICHED_PREFIX = "enriched/";
    static final String BAD_PREFIX = "bad/";
    static final String RAW_PREFIX = "raw/";
    static final String ENRICHED_ARCHIVE = "batch/enriched/archive/";
    static final String SHREDDED_ARCHIVE = "batch/shredded/archive/";
    static final String SHREDDED_BAD = "batch/shredded/bad/";
    static final List<String> PREFIXES = List.of(ENRICHED_PREFIX, BAD_PREFIX, RAW_PREFIX, ENRICHED_ARCHIVE,
            SHREDDED_ARCHIVE, SHREDDED_BAD);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final StackAddresses stack;
    private final BatchScript batch;
    private final Duration timeout;
    private final PrintStream progress;
    private final StageTable table;
    private final PrintStream out;

    DemoRun(StackAddresses stack, BatchScript batch, Duration timeout, PrintStream out, PrintStream progress) {
        this.stack = stack;
        this.batch = batch;
        this.timeout = timeout;
        this.out = out;
        this.progress = progress;
        this.table = new StageTable(out);
    }

    /** Runs the demo; the rows that came up short (empty when every stage got everything). */
    List<StageRow> run(SampleTraffic.Sample sample) throws IOException, InterruptedException, SQLException {
        Expectation expected = sample.expected();
        try (KafkaCounters kafka = new KafkaCounters(stack.kafkaBootstrap());
             BucketObjects s3 = new BucketObjects(stack.s3Endpoint(), stack.bucket());
             Warehouse warehouse = new Warehouse(stack.jdbcUrl())) {
            progress.println("demo: reading where each stage stands before sending");
            Map<TopicPartition, Long> rawStart = kafka.endOffsets(RAW_TOPIC);
            Map<TopicPartition, Long> enrichedStart = kafka.endOffsets(ENRICHED_TOPIC);
            Map<TopicPartition, Long> badStart = kafka.endOffsets(BAD_TOPIC);
            Map<String, Set<String>> keysBefore = new HashMap<>();
            for (String prefix : PREFIXES) {
                keysBefore.put(prefix, s3.keys(prefix));
            }
            Map<String, Long> rowsBefore = warehouse.tableRows();

            try (TopicReader enriched = new TopicReader(stack.kafkaBootstrap(), enrichedStart, value -> "event");
                 TopicReader bad = new TopicReader(stack.kafkaBootstrap(), badStart, DemoRun::badRowType)) {
                progress.printf("demo: sending %d requests (%d good events, %d bad rows to come) to %s%n",
                        expected.requests(), expected.goodEvents(), expected.badRows(), stack.collectorUrl());
                Map<Integer, Integer> answers = new TrafficSender(stack.collectorUrl()).send(sample.requests(),
                        (done, total) -> {
                            if (done % 50 == 0 || done == total) {
                                progress.printf("demo: sent %d/%d%n", done, total);
                            }
                        });
                table.header();
                table.add(StageRow.atLeast("collector", "requests answered 200", answers.getOrDefault(200, 0),
                        expected.requests(), "GET /i and POST " + SampleTraffic.TP2));
                answers.forEach((status, count) -> {
                    if (status != 200) {
                        table.add(StageRow.observed("collector", status == TrafficSender.NO_ANSWER
                                ? "requests without an answer" : "requests answered " + status, count, ""));
                    }
                });

                long raw = await("raw records", expected.rawRecords(),
                        () -> KafkaCounters.sum(kafka.endOffsets(RAW_TOPIC)) - KafkaCounters.sum(rawStart));
                table.add(StageRow.atLeast("kafka", "raw records (topic " + RAW_TOPIC + ")", raw,
                        expected.rawRecords(), "end offsets delta"));

                long events = await("enriched events", expected.goodEvents(), enriched::poll);
                table.add(StageRow.atLeast("enrich", "enriched events (topic " + ENRICHED_TOPIC + ")", events,
                        expected.goodEvents(), "records read"));
                await("bad rows", expected.badRows(), bad::poll);
                Set<String> types = new TreeSet<>(expected.badRowsByType().keySet());
                types.addAll(bad.counts().keySet());
                for (String type : types) {
                    long count = bad.counts().getOrDefault(type, 0L);
                    Integer wanted = expected.badRowsByType().get(type);
                    table.add(wanted == null ? StageRow.observed("enrich", "bad rows " + type, count, "topic " + BAD_TOPIC)
                            : StageRow.atLeast("enrich", "bad rows " + type, count, wanted, "topic " + BAD_TOPIC));
                }
            }

            s3Row(s3, "s3-loader", ENRICHED_PREFIX, keysBefore, expected.goodEvents());
            s3Row(s3, "s3-loader", BAD_PREFIX, keysBefore, expected.badRows());
            s3Row(s3, "s3-loader", RAW_PREFIX, keysBefore, expected.rawRecords());

            if (!table.shortfalls().isEmpty()) {
                progress.println("demo: not running the batch: an earlier stage came up short (staging now would "
                        + "leave the missing objects for a later run)");
                return table.shortfalls();
            }

            progress.println("demo: running ./pipeline batch (stage, shred with Spark, load into PostgreSQL, archive)");
            BatchScript.Outcome outcome = batch.run(stack, progress);
            table.add(StageRow.exactly("batch", "./pipeline batch exit code", outcome.exitCode(), 0,
                    runId(outcome.summary())));
            if (outcome.exitCode() != 0) {
                return table.shortfalls();
            }
            s3Row(s3, "batch", ENRICHED_ARCHIVE, keysBefore, expected.goodEvents());
            s3Row(s3, "batch", SHREDDED_ARCHIVE, keysBefore, expected.shreddedLines());
            s3Row(s3, "batch", SHREDDED_BAD, keysBefore, null);

            Map<String, Long> rowsAfter = warehouse.tableRows();
            table.add(StageRow.atLeast("warehouse", Warehouse.SCHEMA + ".events", delta(rowsAfter, rowsBefore, "events"),
                    expected.goodEvents(), "rows added"));
            Set<String> tables = new TreeSet<>(expected.entityRows().keySet());
            rowsAfter.keySet().stream().filter(t -> !t.equals("events")).forEach(tables::add);
            for (String name : tables) {
                long added = delta(rowsAfter, rowsBefore, name);
                Integer wanted = expected.entityRows().get(name);
                table.add(wanted == null
                        ? StageRow.observed("warehouse", Warehouse.SCHEMA + "." + name, added, "rows added")
                        : StageRow.atLeast("warehouse", Warehouse.SCHEMA + "." + name, added, wanted, "rows added"));
            }
            ExampleQueries.print(warehouse, out);
            return table.shortfalls();
        }
    }

    List<StageRow> rows() {
        return table.rows();
    }

    private void s3Row(BucketObjects s3, String stage, String prefix, Map<String, Set<String>> before, Integer lines)
            throws InterruptedException {
        String item = "s3://" + stack.bucket() + "/" + prefix;
        if (lines == null) {
            List<String> added = newKeys(s3, prefix, before);
            BucketObjects.Summary summary = s3.summarise(added);
            table.add(StageRow.observed(stage, item, summary.lines(), detail(summary)));
            return;
        }
        long found = await("lines under " + item, lines, () -> s3.summarise(newKeys(s3, prefix, before)).lines());
        BucketObjects.Summary summary = s3.summarise(newKeys(s3, prefix, before));
        table.add(StageRow.atLeast(stage, item, found, lines, detail(summary)));
    }

    private static String detail(BucketObjects.Summary summary) {
        return "objects=" + summary.objects() + " sse=" + summary.encryptionText();
    }

    private static List<String> newKeys(BucketObjects s3, String prefix, Map<String, Set<String>> before) {
        Set<String> old = before.get(prefix);
        return s3.keys(prefix).stream().filter(k -> !old.contains(k)).toList();
    }

    /** Polls {@code count} until it reaches {@code expected} or the timeout passes; returns the last count. */
    private long await(String what, long expected, LongSupplier count) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Instant nextReport = Instant.now().plus(PROGRESS_EVERY);
        long current = count.getAsLong();
        while (current < expected && Instant.now().isBefore(deadline)) {
            if (Instant.now().isAfter(nextReport)) {
                progress.printf("demo: waiting for %s: %d of %d%n", what, current, expected);
                nextReport = Instant.now().plus(PROGRESS_EVERY);
            }
            Thread.sleep(500); // polling a remote count; nothing to be notified by
            current = count.getAsLong();
        }
        if (current < expected) {
            progress.printf("demo: gave up waiting for %s after %d s: %d of %d%n", what, timeout.toSeconds(), current,
                    expected);
        }
        return current;
    }

    private static long delta(Map<String, Long> after, Map<String, Long> before, String table) {
        return after.getOrDefault(table, 0L) - before.getOrDefault(table, 0L);
    }

    /** The bad-row type of a bad row: the name in its schema URI, {@code unreadable} when it is not one. */
    static String badRowType(byte[] value) {
        try {
            String schema = JSON.readTree(value).path("schema").asText();
            // iglu:com.snowplowanalytics.snowplow.badrows/schema_violations/jsonschema/2-0-1
            String[] parts = schema.split("/");
            return parts.length == 4 ? parts[1] : "unreadable";
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static String runId(String summary) {
        try {
            JsonNode json = JSON.readTree(summary);
            return json.has("runId") ? "run " + json.path("runId").asText() + ", status "
                    + json.path("status").asText() : "";
        } catch (IOException e) {
            return "";
        }
    }
}
