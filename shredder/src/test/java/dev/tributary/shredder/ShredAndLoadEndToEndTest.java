package dev.tributary.shredder;

import dev.tributary.infra.postgres.EmbeddedPostgresServer;
import dev.tributary.infra.s3.S3Clients;
import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.ResolverConfig;
import dev.tributary.schemas.shredding.ShreddedLayout;
import dev.tributary.schemas.shredding.ShreddedType;
import dev.tributary.warehouse.WarehouseLoader;
import dev.tributary.warehouse.WarehouseLoaderCli;
import dev.tributary.warehouse.load.LoadOptions;
import dev.tributary.warehouse.load.LoadOutcome;
import dev.tributary.warehouse.run.RunFolder;
import dev.tributary.warehouse.run.RunLocation;
import dev.tributary.warehouse.run.S3ClientFactory;
import dev.tributary.warehouse.run.S3RunStorage;
import dev.tributary.warehouse.target.PostgresTarget;
import dev.tributary.warehouse.target.StorageTargetParser;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's end-to-end acceptance: enriched {@code .gz} objects in the s3-loader's layout on the embedded S3 are
 * shredded by the real {@link ShredJob} over {@code s3a://} with SSE-KMS, then loaded by the real warehouse-loader
 * from {@code s3://} / {@code s3a://} into the embedded PostgreSQL.
 *
 * <p>Two runs are shredded once for the class: run 1 is a generated batch (unique events, natural and synthetic
 * duplicates, contexts, unstruct events, derived contexts, corrupt lines, an unresolvable schema); run 2 replays
 * every other event id of run 1 (all the lines of that id, so a synthetic pair is re-identified the same way) among
 * events never seen before. Every expected number comes from the generators' books.
 */
class ShredAndLoadEndToEndTest {

    private static final String BUCKET = "tributary-e2e";
    private static final String KEY_ID = "arn:aws:kms:us-east-1:123456789012:key/tributary-e2e";
    private static final String RUN_1 = "2026-11-30-23-30-00";
    private static final String RUN_2 = "2026-12-01-00-30-00";
    private static final String SCHEMA = "atomic";
    /** Every entity type the generator writes; each must have a table holding exactly its books' rows. */
    private static final List<ShreddedType> TYPES = List.of(EnrichedEventGenerator.WEB_PAGE,
            EnrichedEventGenerator.LINK_CLICK, EnrichedEventGenerator.UA_PARSER, EnrichedEventGenerator.DUPLICATE,
            EnrichedEventGenerator.ITEM, EnrichedEventGenerator.BLOB);

    @TempDir
    static Path dir;

    static KmsS3Fixture s3;
    static EmbeddedPostgresServer postgres;
    static S3Client loaderS3;
    static Resolver resolver;
    static Map<String, String> env;
    static final AtomicInteger DATABASES = new AtomicInteger();

    /** Run 1's input. */
    static EnrichedEventGenerator first;
    /** Run 2's events that run 1 did not have. */
    static EnrichedEventGenerator fresh;
    /** Run 1's events (after in-batch deduplication) that run 2 replays. */
    static long replayedEvents;

    @BeforeAll
    static void shredTwoRunsOnS3() throws Exception {
        s3 = KmsS3Fixture.start(BUCKET, KEY_ID, dir);
        postgres = EmbeddedPostgresServer.builder().build().start();
        resolver = Resolver.fromConfig(ResolverConfig.parse(SparkTestSession.testResolver()));

        first = new EnrichedEventGenerator(10).unique(200).naturalDuplicates(12, 3).syntheticDuplicates(10)
                .corrupt(5).unresolvable(3).shuffle();
        fresh = new EnrichedEventGenerator(11).unique(50).naturalDuplicates(3, 2).syntheticDuplicates(3);
        List<String> second = new ArrayList<>(fresh.lines());
        for (int g = 0; g < first.eventGroups.size(); g += 2) {
            EnrichedEventGenerator.EventGroup group = first.eventGroups.get(g);
            second.addAll(group.lines());
            replayedEvents += group.events();
        }
        Collections.shuffle(second, new Random(12));
        s3.uploadAsS3Loader(enrichedRun(RUN_1), first.lines(), 3);
        s3.uploadAsS3Loader(enrichedRun(RUN_2), second, 2);

        SparkSession spark = SparkTestSession.start("ShredAndLoadEndToEndTest");
        try {
            s3.configureS3a(spark.sparkContext().hadoopConfiguration());
            shred(spark, RUN_1);
            shred(spark, RUN_2);
        } finally {
            spark.stop();
        }

        env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL_S3", s3.s3().endpoint().toString());
        env.put("AWS_REGION", s3.s3().region());
        env.put("AWS_ACCESS_KEY_ID", S3Clients.DUMMY_CREDENTIALS.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", S3Clients.DUMMY_CREDENTIALS.secretAccessKey());
        env.put("PG_PASSWORD", postgres.password());
        loaderS3 = S3ClientFactory.fromEnvironment(env);
    }

    @AfterAll
    static void stop() throws IOException {
        if (loaderS3 != null) {
            loaderS3.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    private static String enrichedRun(String runId) {
        return "enriched/good/run=" + runId + "/";
    }

    private static String shreddedRun(String runId) {
        return "shredded/good/run=" + runId + "/";
    }

    private static void shred(SparkSession spark, String runId) throws IOException {
        ShredderConfig config = new ShredderConfig(s3.s3a(enrichedRun(runId)), s3.s3a("shredded/good"),
                s3.s3a("shredded/bad"), runId, SparkTestSession.testResolver(), s3.kms(),
                ShredderConfig.OutputMode.SHRED, new Processor("tributary-shredder", "0.1.0"));
        new ShredJob(spark, config, Clock.systemUTC()).run();
    }

    @Test
    void everyObjectTheShredderWroteForBothRunsCarriesSseKmsWithTheKey() throws IOException {
        List<S3Object> written = s3.list("shredded/");
        List<String> keys = written.stream().map(S3Object::key).toList();
        for (String run : List.of(RUN_1, RUN_2)) {
            assertThat(keys).contains(shreddedRun(run) + ShreddedLayout.SUCCESS,
                            shreddedRun(run) + ShreddedLayout.SHREDDING_COMPLETE)
                    .anyMatch(k -> k.startsWith(shreddedRun(run) + ShreddedLayout.ATOMIC_EVENTS + "/part-"))
                    .anyMatch(k -> k.startsWith(shreddedRun(run) + ShreddedLayout.SHREDDED_TYPES + "/"));
        }
        assertThat(keys).anyMatch(k -> k.startsWith("shredded/bad/run=" + RUN_1 + "/part-"));
        s3.assertEveryObjectKmsEncrypted(written);

        // What the loader will read: run 1's distinct events; run 2's replayed and new ones, deduplicated in-run.
        assertThat(atomicRowsOnS3(RUN_1)).isEqualTo(first.good);
        assertThat(atomicRowsOnS3(RUN_2)).isEqualTo(replayedEvents + fresh.good);
        long badRows = 0;
        for (String key : keys) {
            if (key.startsWith("shredded/bad/run=" + RUN_1 + "/") && ShreddedLayout.isPartFile(key)) {
                badRows += s3.gunzipLines(key).size();
            }
        }
        assertThat(badRows).isEqualTo(first.parsingErrors + first.igluErrors).isPositive();
    }

    @Test
    void aRunIsLoadedWithEachDistinctEventOnceAndEveryEntityJoinedAndLoadingItAgainIsANoOp() throws Exception {
        String database = newDatabase();
        LoadOutcome outcome = loader().load(runFolder("s3://" + BUCKET + "/" + shreddedRun(RUN_1)), target(database));

        assertThat(outcome).isInstanceOfSatisfying(LoadOutcome.Loaded.class, loaded -> {
            assertThat(loaded.eventsSkippedDuplicates()).isZero();
            assertThat(loaded.rowsPerTable()).containsEntry(SCHEMA + ".events", first.good);
        });
        assertWarehouseHolds(database, first.good, first.rowsPerFolder);

        // The same run again, through the command line and over s3a://: the manifest knows it, nothing changes.
        StringWriter err = new StringWriter();
        int exit = loaderCli(err).execute("--run", "s3a://" + BUCKET + "/" + shreddedRun(RUN_1),
                "--target", file("target-" + database + ".json", targetJson(database)).toString(),
                "--resolver", file("resolver.json", SparkTestSession.testResolver()).toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("was already loaded");
        assertWarehouseHolds(database, first.good, first.rowsPerFolder);
        assertThat(count(database, "SELECT COUNT(*) FROM atomic.manifest")).isEqualTo(1);
    }

    @Test
    void aSecondRunReplayingHalfOfTheFirstLeavesEachEventAndEachEntityOnce() throws Exception {
        String database = newDatabase();
        PostgresTarget target = target(database);
        assertThat(loader().load(runFolder("s3a://" + BUCKET + "/" + shreddedRun(RUN_1)), target))
                .isInstanceOf(LoadOutcome.Loaded.class);

        LoadOutcome outcome = loader().load(runFolder("s3://" + BUCKET + "/" + shreddedRun(RUN_2)), target);

        assertThat(replayedEvents).isGreaterThanOrEqualTo(first.good / 3);
        assertThat(outcome).isInstanceOfSatisfying(LoadOutcome.Loaded.class, loaded -> {
            assertThat(loaded.eventsSkippedDuplicates()).isEqualTo(replayedEvents);
            assertThat(loaded.rowsPerTable()).containsEntry(SCHEMA + ".events", fresh.good);
        });
        Map<String, Long> union = new TreeMap<>(first.rowsPerFolder);
        fresh.rowsPerFolder.forEach((folder, rows) -> union.merge(folder, rows, Long::sum));
        assertWarehouseHolds(database, first.good + fresh.good, union);
        assertThat(count(database, "SELECT COUNT(*) FROM atomic.manifest")).isEqualTo(2);
    }

    /**
     * atomic.events holds {@code events} rows, each event_id once; each entity type's table holds exactly the books'
     * rows (so no replayed context came in twice), each joining its event on (root_id, root_tstamp); no other table.
     */
    private static void assertWarehouseHolds(String database, long events, Map<String, Long> rowsPerFolder)
            throws SQLException {
        assertThat(count(database, "SELECT COUNT(*) FROM atomic.events")).isEqualTo(events);
        assertThat(count(database, "SELECT COUNT(DISTINCT event_id) FROM atomic.events")).isEqualTo(events);
        Set<String> expectedTables = new TreeSet<>(List.of("events", "manifest"));
        for (ShreddedType type : TYPES) {
            String table = SCHEMA + "." + type.tableName();
            long expected = rowsPerFolder.getOrDefault(EnrichedEventGenerator.folder(type), 0L);
            assertThat(expected).as("the generator wrote rows of " + type).isPositive();
            expectedTables.add(type.tableName());
            assertThat(count(database, "SELECT COUNT(*) FROM " + table)).as(table).isEqualTo(expected);
            assertThat(count(database, "SELECT COUNT(*) FROM " + table + " c JOIN atomic.events e"
                    + " ON c.root_id = e.event_id AND c.root_tstamp = e.collector_tstamp"))
                    .as(table + " rows joined to their event").isEqualTo(expected);
        }
        assertThat(tables(database)).isEqualTo(expectedTables);
    }

    private static WarehouseLoader loader() {
        return new WarehouseLoader(resolver, new LoadOptions(LoadOptions.DEFAULT_LOOKBACK, true, false, 0),
                s3.s3().region(), Clock.systemUTC());
    }

    private static RunFolder runFolder(String uri) {
        return new RunFolder(new S3RunStorage(loaderS3, (RunLocation.S3) RunLocation.parse(uri)));
    }

    private static CommandLine loaderCli(StringWriter err) {
        CommandLine cli = WarehouseLoaderCli.command(new WarehouseLoaderCli(env, null));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }

    private static long atomicRowsOnS3(String runId) throws IOException {
        long rows = 0;
        for (S3Object object : s3.list(shreddedRun(runId) + ShreddedLayout.ATOMIC_EVENTS + "/")) {
            if (ShreddedLayout.isPartFile(object.key())) {
                rows += s3.gunzipLines(object.key()).size();
            }
        }
        return rows;
    }

    private static Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** A fresh database per test, so tests never see each other's loads. */
    private static String newDatabase() throws SQLException {
        String name = "e2e_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    /** A Snowplow postgresql_config 2-0-0 storage target; the password comes from the environment. */
    private static String targetJson(String database) {
        return """
                {"schema": "iglu:com.snowplowanalytics.snowplow.storage/postgresql_config/jsonschema/2-0-0",
                 "data": {"name": "e2e", "id": "%s", "host": "localhost", "database": "%s", "port": %d,
                          "username": "%s", "password": "${PG_PASSWORD}", "schema": "%s",
                          "sshTunnel": null, "processingManifest": null, "sslMode": "DISABLE",
                          "purpose": "ENRICHED_EVENTS"}}
                """.formatted(java.util.UUID.nameUUIDFromBytes(database.getBytes()), database, postgres.port(),
                postgres.user(), SCHEMA);
    }

    private static PostgresTarget target(String database) {
        return (PostgresTarget) new StorageTargetParser(env::get).parse(targetJson(database));
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.port() + "/" + database,
                postgres.user(), postgres.password());
    }

    private static long count(String database, String sql) throws SQLException {
        try (Connection c = connect(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private static Set<String> tables(String database) throws SQLException {
        try (Connection c = connect(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                     + SCHEMA + "' AND table_type = 'BASE TABLE'")) {
            Set<String> names = new TreeSet<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }
}
