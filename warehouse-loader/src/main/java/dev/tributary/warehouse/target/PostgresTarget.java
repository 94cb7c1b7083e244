package dev.tributary.warehouse.target;

import java.util.Map;

/** A {@code postgresql_config} target: loaded with {@code COPY ... FROM STDIN} over the connection. */
public record PostgresTarget(String name, String id, String host, int port, String database, String schema,
                             String username, Secret password, SslMode sslMode, Map<String, String> jdbcProperties)
        implements StorageTarget {

    public PostgresTarget {
        jdbcProperties = Map.copyOf(jdbcProperties);
    }
}
