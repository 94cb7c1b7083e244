package dev.tributary.warehouse.ddl;

import java.util.List;

/**
 * The load manifest, one row per loaded run: the columns of RDB Loader 1.x's {@code manifest} (spec F.4) plus
 * what this loader adds (rows per table, duplicates skipped, load timings).
 */
public final class ManifestTable {

    public static final String NAME = "manifest";

    private ManifestTable() {
    }

    public static TableDdl ddl(String schema) {
        SqlType ts = SqlType.of(SqlType.Kind.TIMESTAMP);
        SqlType text = SqlType.varchar(65535);
        return new TableDdl(schema, NAME, List.of(
                Column.notNull("base", SqlType.varchar(512)),
                Column.nullable("types", text),
                Column.nullable("shredding_started", ts),
                Column.nullable("shredding_completed", ts),
                Column.nullable("min_collector_tstamp", ts),
                Column.nullable("max_collector_tstamp", ts),
                Column.notNull("ingestion_tstamp", ts),
                Column.nullable("compression", SqlType.varchar(16)),
                Column.nullable("processor_artifact", SqlType.varchar(64)),
                Column.nullable("processor_version", SqlType.varchar(32)),
                Column.nullable("count_good", SqlType.of(SqlType.Kind.BIGINT)),
                Column.notNull("events_loaded", SqlType.of(SqlType.Kind.BIGINT)),
                Column.notNull("events_skipped_duplicates", SqlType.of(SqlType.Kind.BIGINT)),
                Column.nullable("table_rows", text),
                Column.notNull("load_started", ts),
                Column.notNull("load_ms", SqlType.of(SqlType.Kind.BIGINT))),
                null, null);
    }
}
