package dev.tributary.warehouse.load;

import dev.tributary.warehouse.ddl.ManifestTable;
import dev.tributary.warehouse.ddl.SqlDialect;
import dev.tributary.warehouse.ddl.TableDdl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code <schema>.manifest}: one row per loaded run, written in the load's own transaction, so a run is in the
 * manifest exactly when its rows are in the tables. The table is locked for the whole load, so two loaders
 * given the same run cannot both load it: the second waits, then finds the first one's row.
 */
public final class LoadManifest {

    private final String schema;
    private final SqlDialect dialect;

    public LoadManifest(String schema, SqlDialect dialect) {
        this.schema = schema;
        this.dialect = dialect;
    }

    public String qualifiedName() {
        return schema + "." + ManifestTable.NAME;
    }

    /**
     * Creates the table if needed. RDB Loader 0.x left an {@code atomic.manifest} with other columns
     * (etl_tstamp, commit_tstamp, event_count, shredded_cardinality); it is kept as {@code manifest_legacy}, as
     * RDB Loader 1.x does.
     */
    public void ensure(Connection c) throws SQLException {
        TableDdl ddl = ManifestTable.ddl(schema);
        var existing = WarehouseTables.columns(c, schema, ManifestTable.NAME);
        try (Statement st = c.createStatement()) {
            if (existing != null && !existing.contains("base")) {
                st.execute("ALTER TABLE " + qualifiedName() + " RENAME TO " + ManifestTable.NAME + "_legacy");
            }
            st.execute(dialect.createTable(ddl));
        }
    }

    /** Held until the transaction ends. */
    public void lock(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("LOCK TABLE " + qualifiedName());
        }
    }

    /** When the run was loaded, if it was. */
    public Optional<Instant> loadedAt(Connection c, String base) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ingestion_tstamp FROM " + qualifiedName() + " WHERE base = ?")) {
            ps.setString(1, base);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
            }
        }
    }

    public void record(Connection c, ManifestEntry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + qualifiedName()
                + " (base, types, shredding_started, shredding_completed, min_collector_tstamp, max_collector_tstamp,"
                + " ingestion_tstamp, compression, processor_artifact, processor_version, count_good, events_loaded,"
                + " events_skipped_duplicates, table_rows, load_started, load_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.base());
            ps.setString(2, e.typesJson());
            ps.setTimestamp(3, ts(e.shreddingStarted()));
            ps.setTimestamp(4, ts(e.shreddingCompleted()));
            ps.setTimestamp(5, ts(e.minCollectorTstamp()));
            ps.setTimestamp(6, ts(e.maxCollectorTstamp()));
            ps.setTimestamp(7, ts(e.ingestionTstamp()));
            ps.setString(8, e.compression());
            ps.setString(9, e.processorArtifact());
            ps.setString(10, e.processorVersion());
            ps.setLong(11, e.countGood());
            ps.setLong(12, e.eventsLoaded());
            ps.setLong(13, e.eventsSkippedDuplicates());
            ps.setString(14, e.tableRowsJson());
            ps.setTimestamp(15, ts(e.loadStarted()));
            ps.setLong(16, e.loadMillis());
            ps.executeUpdate();
        }
    }

    /** UTC wall-clock values in TIMESTAMP (without time zone) columns, like every Snowplow timestamp. */
    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.valueOf(java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
    }

    /** One manifest row. */
    public record ManifestEntry(String base, String typesJson, Instant shreddingStarted, Instant shreddingCompleted,
                                Instant minCollectorTstamp, Instant maxCollectorTstamp, Instant ingestionTstamp,
                                String compression, String processorArtifact, String processorVersion,
                                long countGood, long eventsLoaded, long eventsSkippedDuplicates, String tableRowsJson,
                                Instant loadStarted, long loadMillis) {
    }
}
