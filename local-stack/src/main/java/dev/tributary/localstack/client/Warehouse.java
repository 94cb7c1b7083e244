package dev.tributary.localstack.client;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The stack's PostgreSQL as the batch layer fills it: the tables of schema {@code atomic} and queries over them. */
public final class Warehouse implements AutoCloseable {

    public static final String SCHEMA = "atomic";
    /** The loader's own bookkeeping, not event data. */
    private static final String MANIFEST = "manifest";

    private final Connection connection;

    public Warehouse(String jdbcUrl) throws SQLException {
        // The stack's PostgreSQL trusts local connections (user postgres, no password).
        connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    /** Rows of every event table in {@code atomic} ({@code events} and one table per entity type), by table name. */
    public Map<String, Long> tableRows() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (var statement = connection.prepareStatement("select table_name from information_schema.tables "
                + "where table_schema = ? and table_type = 'BASE TABLE' order by table_name")) {
            statement.setString(1, SCHEMA);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            if (!table.equals(MANIFEST)) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("select count(*) from " + SCHEMA + ".\"" + table + "\"")) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    /** A query's column names and rows, every value as text ({@code null} shown as such). */
    public Result query(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            List<List<String>> values = new ArrayList<>();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(String.valueOf(rows.getString(i)));
                }
                values.add(row);
            }
            return new Result(columns, values);
        }
    }

    public record Result(List<String> columns, List<List<String>> rows) {
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
