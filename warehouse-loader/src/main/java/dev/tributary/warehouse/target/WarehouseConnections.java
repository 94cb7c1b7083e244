package dev.tributary.warehouse.target;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens a JDBC connection to a storage target with pgjdbc (Redshift speaks the PostgreSQL protocol). */
public final class WarehouseConnections {

    private WarehouseConnections() {
    }

    public static Connection open(StorageTarget target) throws SQLException {
        Properties props = new Properties();
        props.putAll(target.jdbcProperties());
        props.setProperty("user", target.username());
        props.setProperty("password", target.password().reveal());
        props.setProperty("sslmode", target.sslMode().jdbcValue());
        props.setProperty("ApplicationName", "tributary-warehouse-loader");
        return DriverManager.getConnection(target.jdbcUrl(), props);
    }
}
