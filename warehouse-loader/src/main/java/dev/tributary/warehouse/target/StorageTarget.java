package dev.tributary.warehouse.target;

import java.util.Map;

/**
 * One warehouse to load into, read from a Snowplow storage target JSON ({@code redshift_config} or
 * {@code postgresql_config}). Implementations are records whose toString never shows the password.
 */
public sealed interface StorageTarget permits PostgresTarget, RedshiftTarget {

    /** Human-readable name, for logs. */
    String name();

    /** The target's id (a UUID in newer schema versions), or its name when the file has none. */
    String id();

    String host();

    int port();

    String database();

    /** Database schema the tables live in, {@code atomic} in every Snowplow setup. */
    String schema();

    String username();

    Secret password();

    SslMode sslMode();

    /** Extra pgjdbc connection properties from the target's {@code jdbc} object, already mapped to pgjdbc names. */
    Map<String, String> jdbcProperties();

    /** {@code jdbc:postgresql://host:port/database}; Redshift speaks the PostgreSQL protocol, so one driver serves both. */
    default String jdbcUrl() {
        String h = host().contains(":") && !host().startsWith("[") ? "[" + host() + "]" : host();
        return "jdbc:postgresql://" + h + ":" + port() + "/" + database();
    }
}
