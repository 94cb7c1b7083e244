package dev.tributary.warehouse.bench;

import dev.tributary.infra.postgres.EmbeddedPostgresServer;
import dev.tributary.warehouse.WarehouseLoader;
import dev.tributary.warehouse.ddl.AtomicEventsTable;
import dev.tributary.warehouse.ddl.PostgresDialect;
import dev.tributary.warehouse.load.LoadOptions;
import dev.tributary.warehouse.load.LoadOutcome;
import dev.tributary.warehouse.load.PostgresCopySource;
import dev.tributary.warehouse.load.TableLoad;
import dev.tributary.warehouse.run.LocalRunStorage;
import dev.tributary.warehouse.run.RunFolder;
import dev.tributary.warehouse.run.RunLocation;
import dev.tributary.warehouse.target.PostgresTarget;
import dev.tributary.warehouse.target.StorageTargetParser;
import dev.tributary.warehouse.testing.FixtureEvents;
import dev.tributary.warehouse.testing.ShreddedRunWriter;
import dev.tributary.warehouse.testing.ShreddedRunWriter.WrittenRun;
import dev.tributary.warehouse.testing.TestResolver;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loader rows/s against a plain {@code COPY atomic.events FROM STDIN} of the same atomic-events files, on the same
 * embedded PostgreSQL, alternating, each round into fresh databases. Not part of the test run; see
 * docs/benchmarks.md. Args: events (default 500000), rounds (default 3).
 */
public final class LoaderBenchmark {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("wl-bench");
        WrittenRun run = new ShreddedRunWriter(TestResolver.create())
                .write(dir.resolve("run=2026-12-01-09-00-00"), FixtureEvents.generate(42, events),
                        ShreddedRunWriter.CHECKOUT_100, false);
        long bytes = 0;
        for (String f : List.of("part-00000.gz", "part-00001.gz")) {
            bytes += Files.size(run.dir().resolve("atomic-events").resolve(f));
        }
        System.out.printf("events=%d gzip_bytes=%d rounds=%d%n", events, bytes, rounds);

        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.builder().build().start()) {
            List<Double> baseline = new ArrayList<>();
            List<Double> loader = new ArrayList<>();
            int db = 0;
            for (int round = 1; round <= rounds; round++) {
                String copyDb = "bench_copy_" + (++db);
                String loadDb = "bench_load_" + db;
                create(pg, copyDb);
                create(pg, loadDb);
                double copyRate = plainCopy(pg, copyDb, run, events);
                double loadRate = loaderRun(pg, loadDb, run, events);
                baseline.add(copyRate);
                loader.add(loadRate);
                System.out.printf("round=%d plain_copy_rows_per_s=%.0f loader_rows_per_s=%.0f ratio=%.2f%n",
                        round, copyRate, loadRate, loadRate / copyRate);
            }
            double b = median(baseline);
            double l = median(loader);
            System.out.printf("median plain_copy_rows_per_s=%.0f loader_rows_per_s=%.0f ratio=%.2f%n", b, l, l / b);
        }
    }

    private static void create(EmbeddedPostgresServer pg, String db) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password()); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db);
        }
    }

    /** The baseline: the table the loader would create, then one COPY per part file, the same gunzip and COPY options. */
    private static double plainCopy(EmbeddedPostgresServer pg, String db, WrittenRun run, int events) throws Exception {
        String url = "jdbc:postgresql://localhost:" + pg.port() + "/" + db;
        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password())) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA atomic");
                st.execute(new PostgresDialect().createTable(AtomicEventsTable.ddl("atomic")));
            }
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            var table = AtomicEventsTable.ddl("atomic");
            String sql = PostgresCopySource.copySql("atomic.events",
                    new TableLoad(table, "atomic-events", dev.tributary.schemas.shredding.ShreddedFormat.TSV, table.columns(), List.of(), true));
            long start = System.nanoTime();
            long rows = 0;
            for (String f : List.of("part-00000.gz", "part-00001.gz")) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(run.dir().resolve("atomic-events").resolve(f)), 1 << 16)) {
                    rows += copy.copyIn(sql, in, 1 << 16);
                }
            }
            c.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (rows != events) {
                throw new IllegalStateException("plain COPY loaded " + rows + " rows, expected " + events);
            }
            return rows / seconds;
        }
    }

    /** The whole loader: plan, bootstrap, lock, DDL, staging COPY, dedup check, insert, manifest, commit (no ANALYZE). */
    private static double loaderRun(EmbeddedPostgresServer pg, String db, WrittenRun run, int events) throws Exception {
        PostgresTarget target = (PostgresTarget) new StorageTargetParser(Map.<String, String>of()::get).parse("""
                {"schema": "iglu:com.snowplowanalytics.snowplow.storage/postgresql_config/jsonschema/1-0-1",
                 "data": {"name": "bench", "host": "localhost", "database": "%s", "port": %d, "sslMode": "DISABLE",
                          "schema": "atomic", "username": "postgres", "password": "postgres", "purpose": "ENRICHED_EVENTS"}}
                """.formatted(db, pg.port()));
        WarehouseLoader loader = new WarehouseLoader(TestResolver.create(),
                new LoadOptions(Duration.ofDays(30), false, false, 0), "us-east-1", Clock.systemUTC());
        long start = System.nanoTime();
        LoadOutcome outcome = loader.load(new RunFolder(new LocalRunStorage(new RunLocation.Local(run.dir()))), target);
        double seconds = (System.nanoTime() - start) / 1e9;
        long rows = ((LoadOutcome.Loaded) outcome).rowsPerTable().get("atomic.events");
        if (rows != events) {
            throw new IllegalStateException("loader loaded " + rows + " rows, expected " + events);
        }
        return rows / seconds;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
