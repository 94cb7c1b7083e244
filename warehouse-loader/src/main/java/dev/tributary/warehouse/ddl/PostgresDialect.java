package dev.tributary.warehouse.ddl;

import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL: plain types, JSONB for JSON, no distribution or compression clauses. */
public final class PostgresDialect implements SqlDialect {

    @Override
    public int maxIdentifierLength() {
        return 63;
    }

    @Override
    public String render(SqlType type) {
        return switch (type.kind()) {
            case VARCHAR -> "VARCHAR(" + type.length() + ")";
            case CHAR -> "CHAR(" + type.length() + ")";
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DOUBLE -> "DOUBLE PRECISION";
            case DECIMAL -> "DECIMAL(" + type.length() + "," + type.scale() + ")";
            case BOOLEAN -> "BOOLEAN";
            case TIMESTAMP -> "TIMESTAMP";
            case DATE -> "DATE";
            case JSON -> "JSONB";
        };
    }

    @Override
    public String createTable(TableDdl table) {
        return "CREATE TABLE IF NOT EXISTS " + table.qualifiedName() + " (\n"
                + table.columns().stream()
                        .map(c -> "  " + c.name() + " " + render(c.type()) + (c.nullable() ? "" : " NOT NULL"))
                        .collect(Collectors.joining(",\n"))
                + "\n)";
    }

    @Override
    public String addColumn(TableDdl table, Column column) {
        // Added columns are always nullable: rows loaded before the new schema version have no value for them.
        return "ALTER TABLE " + table.qualifiedName() + " ADD COLUMN " + column.name() + " " + render(column.type());
    }

    /**
     * Staging tables are temporary, so they live in the session's temp buffers (8 MB by default); with more, a
     * run's staged rows stay in memory instead of being written out and read back for the INSERT. Only takes
     * effect before the session's first temporary table, hence on the fresh connection.
     */
    @Override
    public List<String> sessionSetup() {
        return List.of("SET temp_buffers = '256MB'");
    }

    @Override
    public String analyze(String qualifiedTable) {
        return "ANALYZE " + qualifiedTable;
    }

    @Override
    public String vacuum(String qualifiedTable) {
        return "VACUUM " + qualifiedTable;
    }
}
