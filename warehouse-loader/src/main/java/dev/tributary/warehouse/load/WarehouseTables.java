package dev.tributary.warehouse.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/** What the warehouse already has, from information_schema (present in PostgreSQL and Redshift alike). */
final class WarehouseTables {

    private WarehouseTables() {
    }

    /** The table's column names, or null when it does not exist. */
    static Set<String> columns(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            Set<String> columns = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            return columns.isEmpty() ? null : columns;
        }
    }
}
