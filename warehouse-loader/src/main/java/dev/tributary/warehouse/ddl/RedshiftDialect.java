package dev.tributary.warehouse.ddl;

import java.util.stream.Collectors;

/**
 * Redshift, as Snowplow's own atomic-def.sql and the schema-ddl generated tables are written: ZSTD encoding
 * (RAW for the sort key, which compression would slow down), {@code DISTSTYLE KEY} on the event id and
 * {@code SORTKEY} on the collector timestamp, and JSON kept as {@code VARCHAR(65535)} text.
 */
public final class RedshiftDialect implements SqlDialect {

    @Override
    public int maxIdentifierLength() {
        return 127;
    }

    @Override
    public String render(SqlType type) {
        return switch (type.kind()) {
            case VARCHAR -> "VARCHAR(" + Math.min(type.length(), 65535) + ")";
            case CHAR -> "CHAR(" + type.length() + ")";
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DOUBLE -> "DOUBLE PRECISION";
            case DECIMAL -> "DECIMAL(" + type.length() + "," + type.scale() + ")";
            case BOOLEAN -> "BOOLEAN";
            case TIMESTAMP -> "TIMESTAMP";
            case DATE -> "DATE";
            case JSON -> "VARCHAR(65535)";
        };
    }

    @Override
    public String createTable(TableDdl table) {
        StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(table.qualifiedName()).append(" (\n");
        sql.append(table.columns().stream()
                .map(c -> "  " + c.name() + " " + render(c.type())
                        + " ENCODE " + (c.name().equals(table.sortKey()) ? "RAW" : "ZSTD")
                        + (c.nullable() ? "" : " NOT NULL"))
                .collect(Collectors.joining(",\n")));
        sql.append("\n)");
        if (table.distKey() != null) {
            sql.append("\nDISTSTYLE KEY\nDISTKEY (").append(table.distKey()).append(")");
        }
        if (table.sortKey() != null) {
            sql.append("\nSORTKEY (").append(table.sortKey()).append(")");
        }
        return sql.toString();
    }

    @Override
    public String addColumn(TableDdl table, Column column) {
        // Redshift adds one column per statement; added columns are nullable, old rows have no value.
        return "ALTER TABLE " + table.qualifiedName() + " ADD COLUMN " + column.name() + " " + render(column.type())
                + " ENCODE ZSTD";
    }

    @Override
    public String analyze(String qualifiedTable) {
        return "ANALYZE " + qualifiedTable;
    }

    @Override
    public String vacuum(String qualifiedTable) {
        return "VACUUM SORT ONLY " + qualifiedTable;
    }
}
