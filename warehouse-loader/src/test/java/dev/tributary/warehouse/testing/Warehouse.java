package dev.tributary.warehouse.testing;

import dev.tributary.infra.postgres.EmbeddedPostgresServer;
import dev.tributary.warehouse.target.PostgresTarget;
import dev.tributary.warehouse.target.StorageTarget;
import dev.tributary.warehouse.target.StorageTargetParser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL for the test JVM (starting one costs seconds); every test gets a database of its own so
 * tests never see each other's tables.
 */
public final class Warehouse {

    private static EmbeddedPostgresServer server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final String database;

    private Warehouse(String database) {
        this.database = database;
    }

    public static synchronized Warehouse newDatabase() {
        if (server == null) {
            server = EmbeddedPostgresServer.builder().build().start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        String name = "wl_test_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Warehouse(name);
    }

    public String database() {
        return database;
    }

    public int port() {
        return server.port();
    }

    /** A postgresql_config 2-0-0 target JSON whose password comes from the environment variable PG_PASSWORD. */
    public String targetJson(String name) {
        return """
                {"schema": "iglu:com.snowplowanalytics.snowplow.storage/postgresql_config/jsonschema/2-0-0",
                 "data": {"name": "%s", "id": "%s", "host": "localhost", "database": "%s", "port": %d,
                          "username": "postgres", "password": "${PG_PASSWORD}", "schema": "atomic",
                          "sshTunnel": null, "processingManifest": null, "sslMode": "DISABLE",
                          "purpose": "ENRICHED_EVENTS"}}
                """.formatted(name, java.util.UUID.nameUUIDFromBytes((database + name).getBytes()), database, port());
    }

    public static final Map<String, String> ENV = Map.of("PG_PASSWORD", "postgres");

    public PostgresTarget target() {
        StorageTarget t = new StorageTargetParser(ENV::get).parse(targetJson("test-pg"));
        return (PostgresTarget) t;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port() + "/" + database, "postgres", "postgres");
    }

    public long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public long rows(String table) throws SQLException {
        return count("SELECT COUNT(*) FROM " + table);
    }

    public boolean tableExists(String qualified) throws SQLException {
        return count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema || '.' || table_name = '"
                + qualified + "'") == 1;
    }

    public String string(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
