package dev.tributary.warehouse.load;

import static dev.tributary.warehouse.testing.ShreddedRunWriter.CHECKOUT_100;
import static dev.tributary.warehouse.testing.ShreddedRunWriter.EVENTS_TABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.warehouse.WarehouseLoader;
import dev.tributary.warehouse.run.LocalRunStorage;
import dev.tributary.warehouse.run.RunFolder;
import dev.tributary.warehouse.run.RunLocation;
import dev.tributary.warehouse.testing.FixtureEvents;
import dev.tributary.warehouse.testing.ShreddedRunWriter;
import dev.tributary.warehouse.testing.ShreddedRunWriter.WrittenRun;
import dev.tributary.warehouse.testing.TestResolver;
import dev.tributary.warehouse.testing.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyAndMaintenanceTest {

    @TempDir
    Path dir;

    private final ShreddedRunWriter writer = new ShreddedRunWriter(TestResolver.create());

    private static WarehouseLoader loader(boolean analyze, boolean vacuum) {
        return new WarehouseLoader(TestResolver.create(), new LoadOptions(Duration.ofDays(30), analyze, vacuum, 0),
                "us-east-1", Clock.systemUTC());
    }

    @Test
    void twoLoadersStartedTogetherOnTheSameRunLoadItOnce() throws Exception {
        Warehouse wh = Warehouse.newDatabase();
        WrittenRun run = writer.write(dir.resolve("run=2026-12-01-09-00-00"), FixtureEvents.generate(31, 300), CHECKOUT_100);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<LoadOutcome>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<LoadOutcome> task = () -> {
                    start.await();
                    return loader(false, false).load(new RunFolder(new LocalRunStorage(new RunLocation.Local(run.dir()))), wh.target());
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<LoadOutcome> outcomes = new ArrayList<>();
            for (Future<LoadOutcome> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn(o -> o instanceof LoadOutcome.Loaded).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof LoadOutcome.AlreadyLoaded).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        for (Map.Entry<String, Long> table : run.rowsPerTable().entrySet()) {
            assertThat(wh.rows(table.getKey())).as(table.getKey()).isEqualTo(table.getValue());
        }
        assertThat(wh.rows("atomic.manifest")).isEqualTo(1);
    }

    @Test
    void vacuumAndAnalyzeRunAfterTheCommit() throws Exception {
        Warehouse wh = Warehouse.newDatabase();
        WrittenRun run = writer.write(dir.resolve("run=2026-12-01-09-00-00"), FixtureEvents.generate(32, 40), CHECKOUT_100);

        // PostgreSQL refuses VACUUM inside a transaction block, so this load only succeeds if it runs after the commit.
        assertThat(loader(true, true).load(new RunFolder(new LocalRunStorage(new RunLocation.Local(run.dir()))), wh.target()))
                .isInstanceOf(LoadOutcome.Loaded.class);

        assertThat(wh.rows(EVENTS_TABLE)).isEqualTo(40);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String table : run.rowsPerTable().keySet()) {
                String name = table.substring(table.indexOf('.') + 1);
                assertThat(wh.count("SELECT COUNT(*) FROM pg_stat_user_tables WHERE schemaname = 'atomic' AND relname = '"
                        + name + "' AND last_vacuum IS NOT NULL AND last_analyze IS NOT NULL")).as(table).isEqualTo(1);
            }
        });
    }
}
