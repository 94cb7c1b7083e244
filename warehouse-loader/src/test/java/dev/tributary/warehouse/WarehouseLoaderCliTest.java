package dev.tributary.warehouse;

import static dev.tributary.warehouse.testing.ShreddedRunWriter.CHECKOUT_100;
import static dev.tributary.warehouse.testing.ShreddedRunWriter.EVENTS_TABLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.infra.s3.EmbeddedS3;
import dev.tributary.infra.s3.S3Clients;
import dev.tributary.warehouse.testing.FixtureEvent;
import dev.tributary.warehouse.testing.FixtureEvents;
import dev.tributary.warehouse.testing.ShreddedRunWriter;
import dev.tributary.warehouse.testing.ShreddedRunWriter.WrittenRun;
import dev.tributary.warehouse.testing.TestResolver;
import dev.tributary.warehouse.testing.Warehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The command line end to end: S3 and local runs, run discovery, exit codes and messages. */
class WarehouseLoaderCliTest {

    private static EmbeddedS3 s3;
    private static S3Client client;

    @TempDir
    Path dir;

    private final ShreddedRunWriter writer = new ShreddedRunWriter(TestResolver.create());
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startS3() {
        s3 = EmbeddedS3.builder().initialBuckets("pipeline").build().start();
        client = S3Clients.create(s3);
    }

    @AfterAll
    static void stopS3() {
        client.close();
        s3.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(Warehouse.ENV);
        env.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
        env.put("AWS_REGION", s3.region());
        env.put("AWS_ACCESS_KEY_ID", "tributary");
        env.put("AWS_SECRET_ACCESS_KEY", "tributary");
        return env;
    }

    private int run(Map<String, String> env, String... args) {
        CommandLine cmd = WarehouseLoaderCli.command(new WarehouseLoaderCli(env, null));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private void upload(WrittenRun run, String prefix) throws Exception {
        try (Stream<Path> files = Files.walk(run.dir())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String key = prefix + run.dir().getFileName() + "/" + run.dir().relativize(f).toString().replace('\\', '/');
                client.putObject(b -> b.bucket("pipeline").key(key), RequestBody.fromFile(f));
            }
        }
    }

    @Test
    void loadsARunFromS3AndTheSameRunAgainIsANoOp() throws Exception {
        Warehouse wh = Warehouse.newDatabase();
        WrittenRun run = writer.write(dir.resolve("runs/run=2026-12-01-09-00-00"), FixtureEvents.generate(21, 120), CHECKOUT_100);
        upload(run, "shredded/good/");
        Path target = file("target.json", wh.targetJson("pg"));
        Path resolver = file("resolver.json", TestResolver.CONFIG);
        String uri = "s3://pipeline/shredded/good/run=2026-12-01-09-00-00/";

        assertThat(run(env(), "--run", uri, "--target", target.toString(), "--resolver", resolver.toString())).isZero();
        for (Map.Entry<String, Long> table : run.rowsPerTable().entrySet()) {
            assertThat(wh.rows(table.getKey())).as(table.getKey()).isEqualTo(table.getValue());
        }

        assertThat(run(env(), "--run", uri, "--target", target.toString(), "--resolver", resolver.toString(),
                "--include", "vacuum")).isZero();
        assertThat(err.toString()).contains("was already loaded");
        assertThat(wh.rows(EVENTS_TABLE)).isEqualTo(120);
        assertThat(wh.rows("atomic.manifest")).isEqualTo(1);
    }

    @Test
    void takesTheTargetAndResolverAsInlineJsonTheWayTheEmrStepPassesThem() throws Exception {
        Warehouse wh = Warehouse.newDatabase();
        WrittenRun run = writer.write(dir.resolve("inline/run=2026-12-01-09-00-00"), FixtureEvents.generate(24, 40), CHECKOUT_100);

        assertThat(run(env(), "--run", run.dir().toString(), "--target", wh.targetJson("pg"),
                "--resolver", TestResolver.CONFIG)).isZero();

        for (Map.Entry<String, Long> table : run.rowsPerTable().entrySet()) {
            assertThat(wh.rows(table.getKey())).as(table.getKey()).isEqualTo(table.getValue());
        }
    }

    @Test
    void discoversEveryCompleteRunUnderAnS3aFolderAndAPlainPath() throws Exception {
        List<FixtureEvent> events = FixtureEvents.generate(22, 150);
        WrittenRun first = writer.write(dir.resolve("good/run=2026-12-01-09-00-00"), events.subList(0, 100), CHECKOUT_100);
        WrittenRun second = writer.write(dir.resolve("good/run=2026-12-01-10-00-00"), events.subList(50, 150), CHECKOUT_100);
        // A run still being shredded: no shredding_complete.json yet, so it must be left alone.
        WrittenRun unfinished = writer.write(dir.resolve("good/run=2026-12-01-11-00-00"), FixtureEvents.generate(23, 10), CHECKOUT_100);
        Files.delete(unfinished.dir().resolve("shredding_complete.json"));
        upload(first, "discover/good/");
        upload(second, "discover/good/");
        upload(unfinished, "discover/good/");
        Path resolver = file("resolver.json", TestResolver.CONFIG);

        Warehouse fromS3 = Warehouse.newDatabase();
        assertThat(run(env(), "--run", "s3a://pipeline/discover/good", "--target",
                file("s3-target.json", fromS3.targetJson("pg")).toString(), "--resolver", resolver.toString())).isZero();
        Warehouse fromPath = Warehouse.newDatabase();
        assertThat(run(env(), "--run", dir.resolve("good").toString(), "--target",
                file("local-target.json", fromPath.targetJson("pg")).toString(), "--resolver", resolver.toString())).isZero();

        for (Warehouse wh : List.of(fromS3, fromPath)) {
            assertThat(wh.rows(EVENTS_TABLE)).isEqualTo(150);
            assertThat(wh.rows("atomic.manifest")).isEqualTo(2);
            assertThat(wh.count("SELECT COUNT(*) FROM atomic.events WHERE event_id = '"
                    + FixtureEvents.generate(23, 10).get(0).eventId() + "'")).isZero();
        }
    }

    @Test
    void aTargetWithAnUnknownKeyIsAConfigurationErrorNamingIt() throws Exception {
        Warehouse wh = Warehouse.newDatabase();
        String json = wh.targetJson("pg").replace("\"sslMode\"", "\"sslMood\": 1, \"sslMode\"");
        int code = run(env(), "--run", dir.toString(), "--target", file("t.json", json).toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("data.sslMood").contains("unknown key");
    }

    @Test
    void aPasswordFromAnUnsetVariableIsAConfigurationErrorNamingThePassword() throws Exception {
        Warehouse wh = Warehouse.newDatabase();
        Map<String, String> env = env();
        env.remove("PG_PASSWORD");
        int code = run(env, "--run", dir.toString(), "--target", file("t.json", wh.targetJson("pg")).toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("data.password").contains("PG_PASSWORD");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run(env(), "--run", "x", "--target", "y", "--frobnicate")).isEqualTo(2);
        assertThat(run(env(), "--run", dir.toString(), "--target", "y", "--include", "compress")).isEqualTo(2);
    }

    @Test
    void aRunThatIsNotCompleteFailsWithExitCodeOne() throws Exception {
        Warehouse wh = Warehouse.newDatabase();
        WrittenRun run = writer.write(dir.resolve("run=2026-12-01-09-00-00"), FixtureEvents.generate(24, 10), CHECKOUT_100);
        Files.delete(run.dir().resolve("shredding_complete.json"));
        int code = run(env(), "--run", run.dir().toString(), "--target", file("t.json", wh.targetJson("pg")).toString(),
                "--resolver", file("resolver.json", TestResolver.CONFIG).toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("shredding_complete.json").contains("not completely shredded");
        assertThat(wh.tableExists("atomic.events")).isFalse();
    }
}
