package dev.tributary.warehouse.ddl;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL that differs between PostgreSQL and Redshift. Everything else in a load (the statement sequence,
 * the transaction, the manifest, deduplication) is written once in SQL both accept.
 */
public interface SqlDialect {

    /** Longest identifier the warehouse keeps (PostgreSQL silently truncates longer ones). */
    int maxIdentifierLength();

    String render(SqlType type);

    String createTable(TableDdl table);

    String addColumn(TableDdl table, Column column);

    /** A temporary table for one load, in the column order of the files it is filled from. */
    default String createStagingTable(String name, List<Column> columns) {
        return "CREATE TEMPORARY TABLE " + name + " (\n"
                + columns.stream().map(c -> "  " + c.name() + " " + render(c.type()) + (c.nullable() ? "" : " NOT NULL"))
                        .collect(Collectors.joining(",\n"))
                + "\n)";
    }

    /** Statements run once on a fresh connection, before the load's transaction. */
    default List<String> sessionSetup() {
        return List.of();
    }

    String analyze(String qualifiedTable);

    /** Run outside any transaction: neither warehouse vacuums inside one. */
    String vacuum(String qualifiedTable);
}
