package dev.tributary.warehouse.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.schemas.shredding.ShreddingComplete;
import dev.tributary.warehouse.ddl.SqlDialect;
import dev.tributary.warehouse.ddl.TableMigration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one run into one target in a single transaction: manifest locked and checked, tables created or
 * extended, every table's rows staged, duplicates of earlier runs removed, rows inserted, the manifest row
 * written, commit. Any failure rolls all of it back (only the empty schema and manifest table, created first
 * in a transaction of their own, stay). The statement sequence is the same for PostgreSQL and Redshift; only the DDL spelling
 * ({@link SqlDialect}) and the way files reach the staging tables ({@link StagingSource}) differ.
 */
public final class RunLoader {

    private static final Logger LOG = LoggerFactory.getLogger(RunLoader.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String STAGING_EVENTS = "tributary_stage_events";
    static final String STAGING_PREFIX = "tributary_stage_";

    private final SqlDialect dialect;
    private final StagingSource source;
    private final LoadOptions options;
    private final Clock clock;

    public RunLoader(SqlDialect dialect, StagingSource source, LoadOptions options, Clock clock) {
        this.dialect = dialect;
        this.source = source;
        this.options = options;
        this.clock = clock;
    }

    public LoadOutcome load(Connection c, LoadPlan plan, String targetName) throws LoadException {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        LoadManifest manifest = new LoadManifest(plan.schema(), dialect);
        Deduplication dedup = new Deduplication(options.dedupLookback());
        Map<String, String> stagingToTable = new HashMap<>();
        LoadOutcome.Loaded loaded;
        try {
            for (String sql : dialect.sessionSetup()) {
                execute(c, sql);
            }
            c.setAutoCommit(false);
            bootstrap(c, plan.schema(), manifest);
            manifest.lock(c);
            Optional<Instant> loadedAt = manifest.loadedAt(c, plan.base());
            if (loadedAt.isPresent()) {
                c.rollback();
                LOG.atInfo().addKeyValue("target", targetName).addKeyValue("run", plan.base())
                        .addKeyValue("loaded_at", loadedAt.get()).log("run already loaded");
                return new LoadOutcome.AlreadyLoaded(plan.base(), loadedAt.get());
            }
            for (TableLoad table : plan.tables()) {
                for (String sql : TableMigration.statements(dialect, table.table(),
                        WarehouseTables.columns(c, plan.schema(), table.table().name()))) {
                    LOG.atInfo().addKeyValue("target", targetName).addKeyValue("table", table.table().qualifiedName())
                            .addKeyValue("sql", sql.lines().findFirst().orElse(sql)).log("table DDL");
                    execute(c, sql);
                }
            }

            Map<String, Long> rows = new LinkedHashMap<>();
            List<String> staging = new ArrayList<>();

            TableLoad events = plan.events();
            stagingToTable.put(STAGING_EVENTS, events.table().qualifiedName());
            staging.add(STAGING_EVENTS);
            long tableStart = System.nanoTime();
            long staged = stage(c, STAGING_EVENTS, events);
            checkEventCount(plan, staged);
            long duplicates = 0;
            boolean dedupRan = false;
            if (dedup.enabled() && staged > 0) {
                Instant earliest = earliest(c);
                execute(c, dedup.findDuplicates(events.table().qualifiedName(), STAGING_EVENTS, earliest));
                staging.add(Deduplication.DUPLICATES_TABLE);
                dedupRan = true;
                duplicates = update(c, Deduplication.deleteDuplicateEvents(STAGING_EVENTS));
            }
            long inserted = update(c, insert(events, STAGING_EVENTS));
            rows.put(events.table().qualifiedName(), inserted);
            logTable(targetName, plan, events, staged, duplicates, inserted, tableStart);

            int n = 0;
            for (TableLoad entity : plan.entities()) {
                String stage = STAGING_PREFIX + (++n);
                stagingToTable.put(stage, entity.table().qualifiedName());
                staging.add(stage);
                tableStart = System.nanoTime();
                long entityStaged = stage(c, stage, entity);
                long skipped = dedupRan && entityStaged > 0 ? update(c, Deduplication.deleteDuplicateEntities(stage)) : 0;
                long entityInserted = update(c, insert(entity, stage));
                rows.merge(entity.table().qualifiedName(), entityInserted, Long::sum);
                logTable(targetName, plan, entity, entityStaged, skipped, entityInserted, tableStart);
            }

            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            manifest.record(c, entry(plan, rows, duplicates, started, took));
            for (String table : staging) {
                execute(c, "DROP TABLE " + table);
            }
            c.commit();
            took = Duration.ofNanos(System.nanoTime() - t0);
            loaded = new LoadOutcome.Loaded(plan.base(), rows, duplicates, took);
            LOG.atInfo().addKeyValue("target", targetName).addKeyValue("run", plan.base())
                    .addKeyValue("events", inserted).addKeyValue("skipped_duplicates", duplicates)
                    .addKeyValue("tables", rows.size()).addKeyValue("ms", took.toMillis()).log("run loaded");
        } catch (SQLException e) {
            rollback(c);
            Optional<RowDoesNotFitException> misfit = SqlErrors.rowDoesNotFit(e, stagingToTable);
            if (misfit.isPresent()) {
                throw misfit.get();
            }
            throw new LoadException("loading " + plan.base() + " into " + targetName + " failed, nothing was loaded: "
                    + e.getMessage(), e);
        } catch (LoadException | RuntimeException e) {
            rollback(c);
            throw e;
        }
        afterCommit(c, plan, targetName);
        return loaded;
    }

    /**
     * The schema and the manifest table, committed on their own before the load: the manifest must exist to be
     * locked, and two loaders starting on an empty warehouse would otherwise race on creating it. When they do,
     * the loser sees the winner's objects on its retry.
     */
    private void bootstrap(Connection c, String schema, LoadManifest manifest) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                execute(c, "CREATE SCHEMA IF NOT EXISTS " + schema);
                manifest.ensure(c);
                c.commit();
                return;
            } catch (SQLException e) {
                c.rollback();
                // 23505 unique_violation / 42P07 duplicate_table / 42P06 duplicate_schema: a concurrent create won.
                boolean raced = "23505".equals(e.getSQLState()) || "42P07".equals(e.getSQLState())
                        || "42P06".equals(e.getSQLState());
                if (!raced || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private long stage(Connection c, String stagingTable, TableLoad load) throws SQLException, LoadException {
        execute(c, dialect.createStagingTable(stagingTable, load.fileColumns()));
        if (load.files().isEmpty()) {
            return 0;
        }
        OptionalLong reported = source.fill(c, stagingTable, load);
        return reported.isPresent() ? reported.getAsLong() : count(c, stagingTable);
    }

    /** atomic-events must hold what the shredder counted; fewer rows means files went missing on the way. */
    private void checkEventCount(LoadPlan plan, long staged) throws LoadException {
        long expected = plan.complete().countGood();
        if (staged > expected || expected - staged > options.allowedRejects()) {
            throw new LoadException(plan.base() + ": atomic-events holds " + staged + " rows but "
                    + "shredding_complete.json counts " + expected + " good events; refusing a partial load");
        }
    }

    private static String insert(TableLoad load, String stagingTable) {
        String columns = load.fileColumns().stream().map(col -> col.name()).collect(Collectors.joining(", "));
        return "INSERT INTO " + load.table().qualifiedName() + " (" + columns + ")\nSELECT " + columns + " FROM " + stagingTable;
    }

    private Instant earliest(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(Deduplication.minCollectorTstamp(STAGING_EVENTS))) {
            rs.next();
            Timestamp ts = rs.getTimestamp(1);
            return ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
    }

    private void afterCommit(Connection c, LoadPlan plan, String targetName) throws LoadException {
        if (!options.analyze() && !options.vacuum()) {
            return;
        }
        try {
            c.setAutoCommit(true);
            for (TableLoad table : plan.tables()) {
                String name = table.table().qualifiedName();
                long start = System.nanoTime();
                if (options.vacuum()) {
                    execute(c, dialect.vacuum(name));
                }
                if (options.analyze()) {
                    execute(c, dialect.analyze(name));
                }
                LOG.atInfo().addKeyValue("target", targetName).addKeyValue("table", name)
                        .addKeyValue("vacuum", options.vacuum()).addKeyValue("analyze", options.analyze())
                        .addKeyValue("ms", (System.nanoTime() - start) / 1_000_000).log("table maintained");
            }
        } catch (SQLException e) {
            // The run is committed; only housekeeping failed. Still a failure the operator must see.
            throw new LoadException("run " + plan.base() + " was loaded into " + targetName
                    + ", but VACUUM/ANALYZE failed: " + e.getMessage(), e);
        }
    }

    private static LoadManifest.ManifestEntry entry(LoadPlan plan, Map<String, Long> rows, long duplicates,
                                                    Instant started, Duration took) {
        ShreddingComplete sc = plan.complete();
        ArrayNode types = JSON.createArrayNode();
        for (ShreddingComplete.TypeEntry t : sc.types()) {
            types.addObject().put("schemaKey", t.schemaKey().toUri()).put("format", t.format().name());
        }
        ObjectNode tableRows = JSON.createObjectNode();
        rows.forEach(tableRows::put);
        return new LoadManifest.ManifestEntry(plan.base(), types.toString(), sc.timestamps().jobStarted(),
                sc.timestamps().jobCompleted(), sc.timestamps().min(), sc.timestamps().max(), started.plus(took),
                sc.compression(), sc.processor().artifact(), sc.processor().version(), sc.countGood(),
                rows.getOrDefault(plan.events().table().qualifiedName(), 0L), duplicates, tableRows.toString(),
                started, took.toMillis());
    }

    private void logTable(String target, LoadPlan plan, TableLoad table, long staged, long skipped, long inserted,
                          long startNanos) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        LOG.atInfo().addKeyValue("target", target).addKeyValue("run", plan.base())
                .addKeyValue("table", table.table().qualifiedName()).addKeyValue("files", table.files().size())
                .addKeyValue("rows_read", staged).addKeyValue("rows_skipped_duplicates", skipped)
                .addKeyValue("rows_loaded", inserted).addKeyValue("ms", ms)
                .addKeyValue("rows_per_s", ms == 0 ? inserted : inserted * 1000 / ms).log("table loaded");
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long update(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeLargeUpdate(sql);
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.atWarn().addKeyValue("cause", e.getMessage()).log("rollback failed");
        }
    }
}
