package dev.tributary.trigger.cli;

import static dev.tributary.trigger.s3.S3TestSupport.head;
import static dev.tributary.trigger.s3.S3TestSupport.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.infra.postgres.EmbeddedPostgresServer;
import dev.tributary.schemas.enriched.EnrichedField;
import dev.tributary.trigger.config.Fixtures;
import dev.tributary.trigger.local.LoadJob;
import dev.tributary.trigger.local.LocalJobSettings;
import dev.tributary.trigger.local.ShredJob;
import dev.tributary.trigger.run.ExitCode;
import dev.tributary.trigger.s3.S3TestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * {@code run --runner local} with the real shredder (Spark {@code local[*]} in a child JVM, its application jar plus
 * the classpath file the shredder module writes, over {@code s3a://} on the embedded S3) and the real
 * warehouse-loader (a child JVM, JDBC into the embedded PostgreSQL). This JVM never loads Spark. Enriched events in
 * the s3-loader's layout are staged, shredded, loaded and archived; the counts come from the generator.
 */
@Timeout(600)
class LocalRunnerEndToEndTest {

    static S3Client s3;
    static EmbeddedPostgresServer postgres;
    static int databases;

    final CliTestSupport cli = new CliTestSupport();

    @TempDir
    Path dir;
    Path lock;
    Path resolver;
    Path targets;
    String database;

    @BeforeAll
    static void start() {
        s3 = S3TestSupport.client();
        postgres = EmbeddedPostgresServer.builder().build().start();
    }

    @AfterAll
    static void stop() {
        s3.close();
        postgres.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        S3TestSupport.start();
        S3TestSupport.clear(s3);
        lock = dir.resolve("etl.lock");
        // The schemas bundled with Tributary (web_page among them), read by both children from their classpath.
        resolver = Files.writeString(dir.resolve("resolver.json"), """
                {"schema":"iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-1",
                 "data":{"cacheSize":500,"repositories":[{"name":"Tributary bundled","priority":0,
                 "vendorPrefixes":["com.snowplowanalytics"],"connection":{"embedded":{"path":"classpath:/iglu"}}}]}}
                """);
        database = "trigger_e2e_" + (++databases);
        sql("postgres", "CREATE DATABASE " + database);
        targets = Files.createDirectories(dir.resolve("targets"));
        Files.writeString(targets.resolve("postgres.json"), """
                {"schema": "iglu:com.snowplowanalytics.snowplow.storage/postgresql_config/jsonschema/2-0-0",
                 "data": {"name": "PostgreSQL warehouse", "id": "11111111-2222-3333-4444-555555555555",
                          "host": "localhost", "database": "%s", "port": %d, "username": "postgres",
                          "password": "pg-s3cr3t-e2e", "schema": "atomic", "sslMode": "DISABLE",
                          "sshTunnel": null, "processingManifest": null,
                          "purpose": "ENRICHED_EVENTS"}}
                """.formatted(database, postgres.port()));
    }

    int run(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--runner", "local",
                "-c", Fixtures.resource("config/stream_config.yml").toString(), "-r", resolver.toString(),
                "-t", targets.toString(), "-l", lock.toString(),
                "--shredder-jar", property("tributary.shredder.jar"),
                "--shredder-classpath", property("tributary.shredder.classpath"),
                "--loader-jar", property("tributary.loader.jar"),
                "--loader-classpath", property("tributary.loader.classpath")));
        args.addAll(List.of(extra));
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void enrichedEventsAreStagedShreddedLoadedAndArchivedWithSseOnEveryObject() throws Exception {
        Generated events = Generated.of(new Random(12), 60, 20, 10);
        events.uploadAsS3Loader("enriched/stream/", 3);

        int code = run();

        assertThat(code).as(cli.out() + cli.err()).isZero();
        assertThat(count("SELECT COUNT(*) FROM atomic.events")).isEqualTo(events.distinct);
        assertThat(count("SELECT COUNT(DISTINCT event_id) FROM atomic.events")).isEqualTo(events.distinct);
        assertThat(count("SELECT COUNT(*) FROM atomic.com_snowplowanalytics_snowplow_web_page_1 w "
                + "JOIN atomic.events e ON e.event_id = w.root_id AND e.collector_tstamp = w.root_tstamp"))
                .isEqualTo(events.withWebPage);
        assertThat(count("SELECT COUNT(*) FROM atomic.manifest")).isEqualTo(1);

        assertThat(keys(s3, "enriched/stream/")).isEmpty();
        assertThat(keys(s3, "enriched/good/")).isEmpty();
        assertThat(keys(s3, "shredded/good/")).isEmpty();
        List<String> enrichedArchive = keys(s3, "enriched/archive/");
        List<String> shredded = keys(s3, "shredded/");
        assertThat(enrichedArchive).hasSize(3);
        assertThat(shredded).anyMatch(k -> k.startsWith("shredded/archive/run=") && k.contains("/atomic-events/part-"))
                .anyMatch(k -> k.endsWith("/shredding_complete.json"))
                .anyMatch(k -> k.contains("/shredded-types/vendor=com.snowplowanalytics.snowplow/name=web_page/"));
        List<String> everyObject = new ArrayList<>(enrichedArchive);
        everyObject.addAll(shredded);
        for (String key : everyObject) {
            assertThat(head(s3, key).serverSideEncryption()).as(key).isEqualTo(ServerSideEncryption.AES256);
        }

        JsonNode summary = cli.summary();
        assertThat(summary.path("exitCode").asInt()).isZero();
        assertThat(summary.path("counts").path("objectsStaged").asInt()).isEqualTo(3);
        assertThat(cli.out()).contains("step 2/5: shred").contains("step 3/5: rdb_load");
        assertThat(cli.out() + cli.err()).doesNotContain("pg-s3cr3t-e2e")
                .doesNotContain(Fixtures.ENV.get("AWS_SNOWPLOW_SECRET_KEY"));
        assertThat(lock).doesNotExist();

        assertThat(run()).as(cli.out() + cli.err()).isEqualTo(ExitCode.NO_DATA.code());
        assertThat(count("SELECT COUNT(*) FROM atomic.events")).isEqualTo(events.distinct);
    }

    @Test
    void aRunKilledDuringShredResumesFromShredAndLoadsEachEventOnce() throws Exception {
        Generated events = Generated.of(new Random(13), 80, 10, 5);
        events.uploadAsS3Loader("enriched/stream/", 4);
        cli.localJobs = killingTheShredderOnce();

        assertThat(run()).as(cli.out() + cli.err()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(cli.err() + cli.out()).contains("shredder").contains("exited with");
        assertThat(lock).exists();
        assertThat(keys(s3, "enriched/good/")).hasSize(4);
        assertThat(keys(s3, "shredded/good/")).noneMatch(k -> k.endsWith("shredding_complete.json"));
        assertThat(tableExists("events")).isFalse();

        Files.delete(lock); // the operator has looked at the failure
        assertThat(run("--resume-from", "shred")).as(cli.out() + cli.err()).isZero();

        assertThat(count("SELECT COUNT(*) FROM atomic.events")).isEqualTo(events.distinct);
        assertThat(count("SELECT COUNT(DISTINCT event_id) FROM atomic.events")).isEqualTo(events.distinct);
        assertThat(keys(s3, "enriched/good/")).isEmpty();
        assertThat(keys(s3, "shredded/good/")).isEmpty();
        assertThat(keys(s3, "enriched/archive/")).hasSize(4);
        assertThat(keys(s3, "shredded/archive/")).anyMatch(k -> k.endsWith("/shredding_complete.json"));
        assertThat(lock).doesNotExist();
    }

    /** The real child JVMs; the first shred's JVM is killed (SIGKILL) once it has started writing to S3. */
    private CliEnvironment.LocalJobs killingTheShredderOnce() {
        return new CliEnvironment.LocalJobs() {
            boolean killed;

            @Override
            public ShredJob shredder(LocalJobSettings settings) {
                ShredJob real = CliEnvironment.CHILD_JVMS.shredder(settings);
                return request -> {
                    if (killed) {
                        real.shred(request);
                        return;
                    }
                    killed = true;
                    java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
                    CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
                        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                                .until(() -> ended.get() || !keys(s3, "shredded/good/").isEmpty());
                        // The shredder is this JVM's only child java process (PostgreSQL runs detached).
                        ProcessHandle.current().children()
                                .filter(p -> p.info().command().orElse("").endsWith("/java"))
                                .forEach(ProcessHandle::destroyForcibly);
                    });
                    try {
                        real.shred(request);
                    } finally {
                        ended.set(true);
                        killer.join();
                    }
                };
            }

            @Override
            public LoadJob loader(LocalJobSettings settings) {
                return CliEnvironment.CHILD_JVMS.loader(settings);
            }
        };
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property " + name + " (set by this module's surefire configuration)")
                .isNotBlank();
        return value;
    }

    private long count(String query) throws SQLException {
        try (Connection c = connect(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private boolean tableExists(String table) throws SQLException {
        return count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'atomic' AND table_name = '"
                + table + "'") > 0;
    }

    private static void sql(String db, String statement) throws SQLException {
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.port() + "/" + db,
                postgres.user(), postgres.password());
    }

    /**
     * Enriched TSV lines as stream-enrich writes them: {@code distinct} page views, {@code withWebPage} of them with a
     * web_page context, and {@code replays} of them written a second time (same id and fingerprint, a later
     * etl_tstamp: natural duplicates the shredder drops).
     */
    record Generated(List<String> lines, long distinct, long withWebPage) {

        private static final DateTimeFormatter TSTAMP =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

        static Generated of(Random random, int distinct, int withWebPage, int replays) {
            Instant start = Instant.parse("2026-12-01T08:00:00Z");
            List<String> lines = new ArrayList<>();
            List<String[]> events = new ArrayList<>();
            for (int i = 0; i < distinct; i++) {
                String[] f = new String[EnrichedField.COUNT];
                Arrays.fill(f, "");
                Instant collected = start.plusMillis(1000L * i + random.nextInt(1000));
                set(f, EnrichedField.APP_ID, "shop");
                set(f, EnrichedField.PLATFORM, "web");
                set(f, EnrichedField.ETL_TSTAMP, TSTAMP.format(collected.plusSeconds(5)));
                set(f, EnrichedField.COLLECTOR_TSTAMP, TSTAMP.format(collected));
                set(f, EnrichedField.DVCE_CREATED_TSTAMP, TSTAMP.format(collected.minusMillis(300)));
                set(f, EnrichedField.EVENT, "page_view");
                set(f, EnrichedField.EVENT_ID, new UUID(random.nextLong(), random.nextLong()).toString());
                set(f, EnrichedField.NAME_TRACKER, "sp");
                set(f, EnrichedField.V_TRACKER, "js-3.24.0");
                set(f, EnrichedField.V_COLLECTOR, "tributary-collector-0.1.0");
                set(f, EnrichedField.V_ETL, "tributary-enrich-0.1.0");
                set(f, EnrichedField.DOMAIN_USERID, "user-" + random.nextInt(10));
                set(f, EnrichedField.PAGE_URL, "https://shop.example/p/" + i);
                set(f, EnrichedField.EVENT_VENDOR, "com.snowplowanalytics.snowplow");
                set(f, EnrichedField.EVENT_NAME, "page_view");
                set(f, EnrichedField.EVENT_FORMAT, "jsonschema");
                set(f, EnrichedField.EVENT_VERSION, "1-0-0");
                set(f, EnrichedField.EVENT_FINGERPRINT, Long.toHexString(random.nextLong()));
                set(f, EnrichedField.DERIVED_TSTAMP, TSTAMP.format(collected));
                if (i < withWebPage) {
                    set(f, EnrichedField.CONTEXTS, "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/contexts/"
                            + "jsonschema/1-0-1\",\"data\":[{\"schema\":\"iglu:com.snowplowanalytics.snowplow/"
                            + "web_page/jsonschema/1-0-0\",\"data\":{\"id\":\"" + UUID.randomUUID() + "\"}}]}");
                }
                events.add(f);
                lines.add(String.join("\t", f));
            }
            for (int i = 0; i < replays; i++) {
                String[] replay = events.get(distinct - 1 - i).clone();
                set(replay, EnrichedField.ETL_TSTAMP, TSTAMP.format(start.plusSeconds(7200 + i)));
                lines.add(String.join("\t", replay));
            }
            java.util.Collections.shuffle(lines, random);
            return new Generated(lines, distinct, withWebPage);
        }

        private static void set(String[] fields, EnrichedField field, String value) {
            fields[field.position()] = value;
        }

        /** {@code <prefix><yyyy>/<MM>/<dd>/<HH>/enriched-<partition>-<first>-<last>.gz}, as the s3-loader names them. */
        void uploadAsS3Loader(String prefix, int objects) throws IOException {
            int per = (lines.size() + objects - 1) / objects;
            for (int o = 0; o < objects; o++) {
                List<String> chunk = lines.subList(Math.min(lines.size(), o * per),
                        Math.min(lines.size(), (o + 1) * per));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                    gzip.write((String.join("\n", chunk) + "\n").getBytes(StandardCharsets.UTF_8));
                }
                String key = prefix + "2026/12/01/0" + (8 + o % 2) + "/enriched-" + (o % 3) + "-" + (o * per) + "-"
                        + (o * per + chunk.size() - 1) + ".gz";
                s3.putObject(b -> b.bucket(S3TestSupport.BUCKET).key(key), RequestBody.fromBytes(bytes.toByteArray()));
            }
        }
    }
}
