package dev.tributary.warehouse.load;

import static dev.tributary.warehouse.testing.ShreddedRunWriter.BLOB_TABLE;
import static dev.tributary.warehouse.testing.ShreddedRunWriter.CHECKOUT_100;
import static dev.tributary.warehouse.testing.ShreddedRunWriter.CHECKOUT_101;
import static dev.tributary.warehouse.testing.ShreddedRunWriter.CHECKOUT_TABLE;
import static dev.tributary.warehouse.testing.ShreddedRunWriter.EVENTS_TABLE;
import static dev.tributary.warehouse.testing.ShreddedRunWriter.WEB_PAGE_TABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.warehouse.WarehouseLoader;
import dev.tributary.warehouse.run.LocalRunStorage;
import dev.tributary.warehouse.run.RunFolder;
import dev.tributary.warehouse.run.RunLocation;
import dev.tributary.warehouse.testing.FixtureEvent;
import dev.tributary.warehouse.testing.FixtureEvents;
import dev.tributary.warehouse.testing.ShreddedRunWriter;
import dev.tributary.warehouse.testing.ShreddedRunWriter.WrittenRun;
import dev.tributary.warehouse.testing.TestResolver;
import dev.tributary.warehouse.testing.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads generated shredded runs into a real PostgreSQL through the whole load path. */
class PostgresLoadTest {

    @TempDir
    Path dir;

    private final ShreddedRunWriter writer = new ShreddedRunWriter(TestResolver.create());
    private final WarehouseLoader loader = new WarehouseLoader(TestResolver.create(),
            new LoadOptions(Duration.ofDays(30), true, false, 0), "us-east-1", Clock.systemUTC());

    private static RunFolder folder(WrittenRun run) {
        return new RunFolder(new LocalRunStorage(new RunLocation.Local(run.dir())));
    }

    @Test
    void loadsEveryTableAndEveryEntityJoinsItsEvent() throws Exception {
        Warehouse wh = Warehouse.newDatabase();
        WrittenRun run = writer.write(dir.resolve("run=2026-12-01-09-00-00"), FixtureEvents.generate(1, 200), CHECKOUT_100);
        assertThat(run.rowsPerTable()).containsKeys(WEB_PAGE_TABLE, CHECKOUT_TABLE, BLOB_TABLE);

        LoadOutcome outcome = loader.load(folder(run), wh.target());

        assertThat(outcome).isInstanceOf(LoadOutcome.Loaded.class);
        assertThat(((LoadOutcome.Loaded) outcome).rowsPerTable()).isEqualTo(run.rowsPerTable());
        for (Map.Entry<String, Long> table : run.rowsPerTable().entrySet()) {
            assertThat(wh.rows(table.getKey())).as(table.getKey()).isEqualTo(table.getValue()).isPositive();
        }
        assertThat(wh.count("SELECT COUNT(DISTINCT event_id) FROM atomic.events")).isEqualTo(200);
        for (String entity : List.of(WEB_PAGE_TABLE, CHECKOUT_TABLE, BLOB_TABLE)) {
            assertThat(wh.count("SELECT COUNT(*) FROM " + entity + " c LEFT JOIN atomic.events e"
                    + " ON c.root_id = e.event_id AND c.root_tstamp = e.collector_tstamp WHERE e.event_id IS NULL"))
                    .as("orphans in " + entity).isZero();
        }
        // Values arrive as written: backslash and quotes literal, money, booleans, flattened and JSON columns.
        assertThat(wh.count("SELECT COUNT(*) FROM atomic.events WHERE page_url = '" + ShreddedRunWriter.PAGE_URL
                + "' AND useragent = '" + ShreddedRunWriter.USERAGENT.replace("'", "''") + "'"
                + " AND tr_total = 12.50 AND br_features_pdf AND NOT br_cookies AND br_features_java IS NULL"))
                .isEqualTo(200);
        assertThat(wh.count("SELECT COUNT(*) FROM " + CHECKOUT_TABLE + " WHERE quantity = 3 AND shipping_method = 'express'"
                + " AND shipping_cost = 4.99 AND tags = '[\"a\",\"b\"]'::jsonb AND schema_version = '1-0-0'"))
                .isEqualTo(run.rowsPerTable().get(CHECKOUT_TABLE));
        assertThat(wh.count("SELECT COUNT(*) FROM " + BLOB_TABLE + " WHERE data->>'text' = E'tab\\tand \\\\ backslash'"
                + " AND data->'nested'->'values' = '[1,2]'::jsonb")).isEqualTo(run.rowsPerTable().get(BLOB_TABLE));
        assertThat(wh.count("SELECT count_good FROM atomic.manifest WHERE base = '" + run.base() + "'")).isEqualTo(200);
        assertThat(wh.count("SELECT events_loaded FROM atomic.manifest WHERE base = '" + run.base() + "'")).isEqualTo(200);
    }

    @Test
    void loadingTheSameRunTwiceIsANoOp() throws Exception {
        Warehouse wh = Warehouse.newDatabase();
        WrittenRun run = writer.write(dir.resolve("run=2026-12-01-09-00-00"), FixtureEvents.generate(2, 80), CHECKOUT_100);

        assertThat(loader.load(folder(run), wh.target())).isInstanceOf(LoadOutcome.Loaded.class);
        LoadOutcome second = loader.load(folder(run), wh.target());

        assertThat(second).isInstanceOf(LoadOutcome.AlreadyLoaded.class);
        assertThat(second.base()).isEqualTo(run.base());
        for (Map.Entry<String, Long> table : run.rowsPerTable().entrySet()) {
            assertThat(wh.rows(table.getKey())).as(table.getKey()).isEqualTo(table.getValue());
        }
        assertThat(wh.rows("atomic.manifest")).isEqualTo(1);
    }

    @Test
    void aRunReplayingHalfOfThePreviousOneLeavesEachEventOnce() throws Exception {
        Warehouse wh = Warehouse.newDatabase();
        List<FixtureEvent> all = FixtureEvents.generate(3, 300);
        List<FixtureEvent> first = all.subList(0, 200);
        List<FixtureEvent> second = all.subList(100, 300);   // events 100..199 replayed
        WrittenRun run1 = writer.write(dir.resolve("run=2026-12-01-09-00-00"), first, CHECKOUT_100);
        WrittenRun run2 = writer.write(dir.resolve("run=2026-12-01-10-00-00"), second, CHECKOUT_100);
        WrittenRun union = writer.write(dir.resolve("union"), all, CHECKOUT_100);

        loader.load(folder(run1), wh.target());
        LoadOutcome.Loaded outcome = (LoadOutcome.Loaded) loader.load(folder(run2), wh.target());

        assertThat(outcome.eventsSkippedDuplicates()).isEqualTo(100);
        assertThat(outcome.rowsPerTable().get(EVENTS_TABLE)).isEqualTo(100);
        assertThat(wh.rows(EVENTS_TABLE)).isEqualTo(300);
        assertThat(wh.count("SELECT COUNT(DISTINCT event_id) FROM atomic.events")).isEqualTo(300);
        // Contexts of the replayed events were skipped with them: each table holds what one copy of every event has.
        for (String table : List.of(WEB_PAGE_TABLE, CHECKOUT_TABLE, BLOB_TABLE)) {
            assertThat(wh.rows(table)).as(table).isEqualTo(union.rowsPerTable().get(table));
        }
        assertThat(wh.count("SELECT events_skipped_duplicates FROM atomic.manifest WHERE base = '" + run2.base() + "'"))
                .isEqualTo(100);
    }

    @Test
    void anEventOutsideTheLookbackWindowIsNotTreatedAsADuplicate() throws Exception {
        Warehouse wh = Warehouse.newDatabase();
        List<FixtureEvent> events = FixtureEvents.generate(4, 20);
        WrittenRun run1 = writer.write(dir.resolve("run=2026-12-01-09-00-00"), events, CHECKOUT_100);
        // The same ids and fingerprints, collected 40 days later: with a 30-day window they are not replays.
        List<FixtureEvent> later = new ArrayList<>();
        for (FixtureEvent e : events) {
            later.add(new FixtureEvent(e.eventId(), e.fingerprint(), e.collectorTstamp().plus(Duration.ofDays(40)),
                    e.webPages(), e.checkout(), e.blob(), e.geoCountry(), e.sku()));
        }
        WrittenRun run2 = writer.write(dir.resolve("run=2026-12-01-10-00-00"), later, CHECKOUT_100);

        loader.load(folder(run1), wh.target());
        LoadOutcome.Loaded outcome = (LoadOutcome.Loaded) loader.load(folder(run2), wh.target());

        assertThat(outcome.eventsSkippedDuplicates()).isZero();
        assertThat(wh.rows(EVENTS_TABLE)).isEqualTo(40);
    }

    @Test
    void aRowThatDoesNotFitNamesTableAndColumnAndLoadsNothing() throws Exception {
        Warehouse wh = Warehouse.newDatabase();
        WrittenRun good = writer.write(dir.resolve("run=2026-12-01-09-00-00"), FixtureEvents.generate(5, 50), CHECKOUT_100);
        loader.load(folder(good), wh.target());

        List<FixtureEvent> events = new ArrayList<>(FixtureEvents.generate(6, 50));
        events.set(17, events.get(17).withGeoCountry("DEU"));   // geo_country is CHAR(2)
        WrittenRun bad = writer.write(dir.resolve("run=2026-12-01-10-00-00"), events, CHECKOUT_100);

        assertThatThrownBy(() -> loader.load(folder(bad), wh.target()))
                .isInstanceOfSatisfying(RowDoesNotFitException.class, e -> {
                    assertThat(e.table()).isEqualTo("atomic.events");
                    assertThat(e.column()).isEqualTo("geo_country");
                })
                .hasMessageContaining("row does not fit table atomic.events column geo_country")
                // Event 17 is the 18th line of the first of the two atomic-events parts.
                .hasMessageContaining("file atomic-events/part-00000.gz, line 18")
                .hasMessageContaining("character(2)");

        assertNothingOfTheRunLoaded(wh, good, bad);
    }

    @Test
    void anEntityThatDoesNotFitNamesItsTableAndColumnAndLoadsNothing() throws Exception {
        Warehouse wh = Warehouse.newDatabase();
        WrittenRun good = writer.write(dir.resolve("run=2026-12-01-09-00-00"), FixtureEvents.generate(7, 50), CHECKOUT_100);
        loader.load(folder(good), wh.target());

        List<FixtureEvent> events = new ArrayList<>(FixtureEvents.generate(8, 50));
        events.set(30, events.get(30).withSku("SKU-FAR-TOO-LONG"));   // sku has maxLength 10
        WrittenRun bad = writer.write(dir.resolve("run=2026-12-01-10-00-00"), events, CHECKOUT_100);

        assertThatThrownBy(() -> loader.load(folder(bad), wh.target()))
                .isInstanceOfSatisfying(RowDoesNotFitException.class, e -> {
                    assertThat(e.table()).isEqualTo(CHECKOUT_TABLE);
                    assertThat(e.column()).isEqualTo("sku");
                })
                .hasMessageContaining("part-00000.gz");

        assertNothingOfTheRunLoaded(wh, good, bad);
    }

    private static void assertNothingOfTheRunLoaded(Warehouse wh, WrittenRun good, WrittenRun bad) throws Exception {
        for (Map.Entry<String, Long> table : good.rowsPerTable().entrySet()) {
            assertThat(wh.rows(table.getKey())).as(table.getKey()).isEqualTo(table.getValue());
        }
        assertThat(wh.rows("atomic.manifest")).isEqualTo(1);
        assertThat(wh.count("SELECT COUNT(*) FROM atomic.manifest WHERE base = '" + bad.base() + "'")).isZero();
    }

    @Test
    void aNewSchemaVersionAddsItsColumnAndKeepsEarlierRows() throws Exception {
        Warehouse wh = Warehouse.newDatabase();
        WrittenRun v100 = writer.write(dir.resolve("run=2026-12-01-09-00-00"), FixtureEvents.generate(9, 60), CHECKOUT_100);
        WrittenRun v101 = writer.write(dir.resolve("run=2026-12-01-10-00-00"), FixtureEvents.generate(10, 60), CHECKOUT_101);

        loader.load(folder(v100), wh.target());
        assertThat(wh.count("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = 'atomic'"
                + " AND table_name = 'dev_tributary_test_checkout_1' AND column_name = 'coupon'")).isZero();
        loader.load(folder(v101), wh.target());

        long old = v100.rowsPerTable().get(CHECKOUT_TABLE);
        long recent = v101.rowsPerTable().get(CHECKOUT_TABLE);
        assertThat(wh.rows(CHECKOUT_TABLE)).isEqualTo(old + recent);
        assertThat(wh.count("SELECT COUNT(*) FROM " + CHECKOUT_TABLE + " WHERE coupon LIKE 'XMAS-%' AND schema_version = '1-0-1'"))
                .isEqualTo(recent);
        assertThat(wh.count("SELECT COUNT(*) FROM " + CHECKOUT_TABLE + " WHERE coupon IS NULL AND schema_version = '1-0-0'"))
                .isEqualTo(old);
        assertThat(wh.string("SELECT data_type || ':' || character_maximum_length FROM information_schema.columns"
                + " WHERE table_schema = 'atomic' AND table_name = 'dev_tributary_test_checkout_1' AND column_name = 'coupon'"))
                .isEqualTo("character varying:20");
    }

    @Test
    void columnsFollowTheSchemaTypesLengthsAndNullability() throws Exception {
        Warehouse wh = Warehouse.newDatabase();
        WrittenRun run = writer.write(dir.resolve("run=2026-12-01-09-00-00"), FixtureEvents.generate(11, 30), CHECKOUT_100);
        loader.load(folder(run), wh.target());

        Set<String> columns = new LinkedHashSet<>();
        try (var c = wh.connect(); var st = c.createStatement(); var rs = st.executeQuery(
                "SELECT column_name, data_type, character_maximum_length, is_nullable FROM information_schema.columns"
                        + " WHERE table_schema = 'atomic' AND table_name = 'dev_tributary_test_checkout_1' ORDER BY ordinal_position")) {
            while (rs.next()) {
                columns.add(rs.getString(1) + " " + rs.getString(2) + (rs.getObject(3) == null ? "" : "(" + rs.getInt(3) + ")")
                        + " " + ("NO".equals(rs.getString(4)) ? "NOT NULL" : "NULL"));
            }
        }
        assertThat(columns).containsExactly(
                "schema_vendor character varying(128) NOT NULL",
                "schema_name character varying(128) NOT NULL",
                "schema_format character varying(128) NOT NULL",
                "schema_version character varying(128) NOT NULL",
                "root_id character(36) NOT NULL",
                "root_tstamp timestamp without time zone NOT NULL",
                "ref_root character varying(255) NOT NULL",
                "ref_tree character varying(1500) NOT NULL",
                "ref_parent character varying(255) NOT NULL",
                "order_id character varying(36) NOT NULL",
                "placed_at timestamp without time zone NOT NULL",
                "quantity smallint NOT NULL",
                "sku character varying(10) NOT NULL",
                "gift_wrap boolean NULL",
                "shipping_cost double precision NULL",
                "shipping_method character varying(8) NULL",
                "tags jsonb NULL",
                "total double precision NULL");
    }
}
