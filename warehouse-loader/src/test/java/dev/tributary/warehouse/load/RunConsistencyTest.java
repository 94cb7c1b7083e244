package dev.tributary.warehouse.load;

import static dev.tributary.warehouse.testing.ShreddedRunWriter.CHECKOUT_100;
import static dev.tributary.warehouse.testing.ShreddedRunWriter.EVENTS_TABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.warehouse.WarehouseLoader;
import dev.tributary.warehouse.run.LocalRunStorage;
import dev.tributary.warehouse.run.RunFolder;
import dev.tributary.warehouse.run.RunLocation;
import dev.tributary.warehouse.testing.FixtureEvents;
import dev.tributary.warehouse.testing.ShreddedRunWriter;
import dev.tributary.warehouse.testing.ShreddedRunWriter.WrittenRun;
import dev.tributary.warehouse.testing.TestResolver;
import dev.tributary.warehouse.testing.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs that are not what their shredding_complete.json says are refused whole; an old manifest is kept aside. */
class RunConsistencyTest {

    @TempDir
    Path dir;

    private final ShreddedRunWriter writer = new ShreddedRunWriter(TestResolver.create());
    private final WarehouseLoader loader = new WarehouseLoader(TestResolver.create(),
            new LoadOptions(Duration.ofDays(30), false, false, 0), "us-east-1", Clock.systemUTC());

    private static RunFolder folder(WrittenRun run) {
        return new RunFolder(new LocalRunStorage(new RunLocation.Local(run.dir())));
    }

    @Test
    void aMissingAtomicEventsPartIsRefusedAsAPartialLoad() throws Exception {
        Warehouse wh = Warehouse.newDatabase();
        WrittenRun run = writer.write(dir.resolve("run=2026-12-01-09-00-00"), FixtureEvents.generate(41, 40), CHECKOUT_100);
        Files.delete(run.dir().resolve("atomic-events/part-00001.gz"));

        assertThatThrownBy(() -> loader.load(folder(run), wh.target()))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("atomic-events holds 20 rows but shredding_complete.json counts 40");
        assertThat(wh.tableExists(EVENTS_TABLE)).isFalse();
        assertThat(wh.rows("atomic.manifest")).isZero();
    }

    @Test
    void aTypeFolderTheManifestDoesNotListIsRefused() throws Exception {
        Warehouse wh = Warehouse.newDatabase();
        WrittenRun run = writer.write(dir.resolve("run=2026-12-01-09-00-00"), FixtureEvents.generate(42, 40), CHECKOUT_100);
        Path stray = run.dir().resolve("shredded-types/vendor=com.acme/name=stray/format=tsv/model=1/part-00000.gz");
        Files.createDirectories(stray.getParent());
        Files.copy(run.dir().resolve("atomic-events/part-00000.gz"), stray);

        assertThatThrownBy(() -> loader.load(folder(run), wh.target()))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("vendor=com.acme/name=stray/format=tsv/model=1")
                .hasMessageContaining("not listed");
        assertThat(wh.tableExists(EVENTS_TABLE)).isFalse();
    }

    @Test
    void anRdbLoader0ManifestIsKeptAsManifestLegacy() throws Exception {
        Warehouse wh = Warehouse.newDatabase();
        try (Connection c = wh.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA atomic");
            st.execute("CREATE TABLE atomic.manifest (etl_tstamp TIMESTAMP, commit_tstamp TIMESTAMP, event_count BIGINT,"
                    + " shredded_cardinality INT)");
            st.execute("INSERT INTO atomic.manifest VALUES (now(), now(), 7, 2)");
        }
        WrittenRun run = writer.write(dir.resolve("run=2026-12-01-09-00-00"), FixtureEvents.generate(43, 30), CHECKOUT_100);

        assertThat(loader.load(folder(run), wh.target())).isInstanceOf(LoadOutcome.Loaded.class);

        assertThat(wh.count("SELECT event_count FROM atomic.manifest_legacy")).isEqualTo(7);
        assertThat(wh.count("SELECT count_good FROM atomic.manifest WHERE base = '" + run.base() + "'")).isEqualTo(30);
    }
}
