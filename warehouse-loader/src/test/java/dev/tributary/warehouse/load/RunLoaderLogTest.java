package dev.tributary.warehouse.load;

import static dev.tributary.warehouse.testing.ShreddedRunWriter.CHECKOUT_100;
import static dev.tributary.warehouse.testing.ShreddedRunWriter.EVENTS_TABLE;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * The loader's progress lines carry their data as SLF4J key-value pairs (fields of the service log layout), not in
 * the message text: the run-loaded line names the target and the row counts.
 */
class RunLoaderLogTest {

    @TempDir
    Path dir;

    @Test
    void theRunLoadedLineCarriesTargetAndRowCountsAsKeyValuePairs() throws Exception {
        Warehouse wh = Warehouse.newDatabase();
        WrittenRun run = new ShreddedRunWriter(TestResolver.create())
                .write(dir.resolve("run=2026-12-01-09-00-00"), FixtureEvents.generate(7, 120), CHECKOUT_100);
        WarehouseLoader loader = new WarehouseLoader(TestResolver.create(),
                new LoadOptions(Duration.ofDays(30), true, false, 0), "us-east-1", Clock.systemUTC());

        // logback-test.xml keeps dev.tributary.warehouse at WARN; the progress lines are INFO.
        Logger runLoaderLog = (Logger) LoggerFactory.getLogger(RunLoader.class);
        Level before = runLoaderLog.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        runLoaderLog.addAppender(captured);
        runLoaderLog.setLevel(Level.INFO);
        LoadOutcome.Loaded outcome;
        try {
            outcome = (LoadOutcome.Loaded) loader.load(
                    new RunFolder(new LocalRunStorage(new RunLocation.Local(run.dir()))), wh.target());
        } finally {
            runLoaderLog.setLevel(before);
            runLoaderLog.detachAppender(captured);
        }

        List<ILoggingEvent> runLoaded = captured.list.stream()
                .filter(e -> e.getFormattedMessage().equals("run loaded")).toList();
        assertThat(runLoaded).singleElement().satisfies(e -> assertThat(e.getLevel()).isEqualTo(Level.INFO));
        Map<String, Object> pairs = pairs(runLoaded.get(0));
        assertThat(pairs).containsOnlyKeys("target", "run", "events", "skipped_duplicates", "tables", "ms");
        assertThat(pairs).containsEntry("target", "test-pg")
                .containsEntry("events", 120L)
                .containsEntry("skipped_duplicates", 0L)
                .containsEntry("tables", run.rowsPerTable().size());
        assertThat(String.valueOf(pairs.get("run"))).isEqualTo(String.valueOf(outcome.base()));
        assertThat(outcome.rowsPerTable().get(EVENTS_TABLE)).isEqualTo(120L);

        // One table-loaded line per table, each with its own row counts; the events table's matches the run.
        List<ILoggingEvent> tableLoaded = captured.list.stream()
                .filter(e -> e.getFormattedMessage().equals("table loaded")).toList();
        assertThat(tableLoaded.stream().map(e -> String.valueOf(pairs(e).get("table"))).distinct())
                .containsExactlyInAnyOrderElementsOf(run.rowsPerTable().keySet());
        assertThat(tableLoaded).anySatisfy(e -> assertThat(pairs(e)).containsEntry("target", "test-pg")
                .containsEntry("table", EVENTS_TABLE).containsEntry("rows_read", 120L)
                .containsEntry("rows_loaded", 120L).containsEntry("rows_skipped_duplicates", 0L));
        // No line puts its data into the message any more.
        assertThat(captured.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("="));
    }

    private static Map<String, Object> pairs(ILoggingEvent event) {
        Map<String, Object> pairs = new LinkedHashMap<>();
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair kv : event.getKeyValuePairs()) {
                pairs.put(kv.key, kv.value);
            }
        }
        return pairs;
    }
}
