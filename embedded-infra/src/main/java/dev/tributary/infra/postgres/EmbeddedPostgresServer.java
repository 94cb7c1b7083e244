package dev.tributary.infra.postgres;

import dev.tributary.infra.net.BindAddress;
import dev.tributary.infra.net.OwnerOnlyDirectories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A real PostgreSQL server (zonky's bundled linux-amd64 binaries) run as a child process of this JVM.
 *
 * <pre>{@code
 * try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.builder().build().start();
 *      Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
 *   c.createStatement().execute("select 1");
 * }
 * }</pre>
 *
 * <p>With {@link Builder#dataDir(Path)} the cluster is created on first start and reused afterwards, so tables
 * survive a restart; without it zonky uses a temporary cluster deleted on {@link #close()}. zonky also stops the
 * server from a JVM shutdown hook, so a crashed test run leaves no postgres process behind. Not thread-safe.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  /** The superuser zonky's initdb creates; authentication is {@code trust}, so any password is accepted. */
  public static final String USER = "postgres";
  public static final String DATABASE = "postgres";

  private final PostgresSettings settings;
  private EmbeddedPostgres running;

  public EmbeddedPostgresServer(PostgresSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts the server and returns this; blocks until it accepts JDBC connections. */
  public EmbeddedPostgresServer start() {
    if (running != null) {
      throw new IllegalStateException("already started");
    }
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (settings.port() != 0) {
      builder.setPort(settings.port());
    }
    builder.setServerConfig("listen_addresses", listenAddresses(settings.bindAddress()));
    // No Unix-domain socket: zonky's default directory is /tmp, where any local user could connect, and with
    // trust authentication that would be a login. TCP on the bind address is the only way in.
    builder.setServerConfig("unix_socket_directories", "");
    settings.dataDir().ifPresent(dir -> {
      // The parent is ours; initdb creates the cluster directory itself, owner-only as PostgreSQL insists.
      if (dir.getParent() != null) {
        OwnerOnlyDirectories.create(dir.getParent());
      }
      builder.setDataDirectory(dir).setCleanDataDirectory(false);
    });
    try {
      running = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    }
    return this;
  }

  /** Such as {@code jdbc:postgresql://localhost:5432/postgres}; pass {@link #user()} and {@link #password()}. */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + settings.bindAddress().clientHost() + ":" + port() + "/" + DATABASE;
  }

  /**
   * PostgreSQL's {@code listen_addresses}. zonky checks readiness over JDBC on {@code localhost}, so a bind to one
   * non-loopback interface adds 127.0.0.1 (this machine only) to it.
   */
  static String listenAddresses(BindAddress bind) {
    String address = bind.toString();
    if (bind.isWildcard()) {
      return bind.address() instanceof java.net.Inet6Address ? "*" : "0.0.0.0";
    }
    return bind.equals(BindAddress.LOOPBACK) ? address : address + ",127.0.0.1";
  }

  public int port() {
    return requireRunning().getPort();
  }

  public String user() {
    return USER;
  }

  /** Any password works under trust authentication; this one is for clients whose configuration demands one. */
  public String password() {
    return USER;
  }

  public Optional<Path> dataDir() {
    return settings.dataDir();
  }

  public PostgresSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    if (running == null) {
      return;
    }
    try {
      running.close();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
    } finally {
      running = null;
    }
  }

  private EmbeddedPostgres requireRunning() {
    if (running == null) {
      throw new IllegalStateException("not started");
    }
    return running;
  }

  /** Collects {@link PostgresSettings}; defaults are a free port and a temporary data directory. */
  public static final class Builder {

    private BindAddress bindAddress = BindAddress.LOOPBACK;
    private int port;
    private Path dataDir;

    private Builder() {
    }

    /** Interface to listen on; default loopback (this machine only). */
    public Builder bindAddress(BindAddress bindAddress) {
      this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Persistent cluster: tables survive close and a later start on the same directory. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
      return this;
    }

    public PostgresSettings settings() {
      return new PostgresSettings(bindAddress, port, Optional.ofNullable(dataDir));
    }

    public EmbeddedPostgresServer build() {
      return new EmbeddedPostgresServer(settings());
    }
  }
}
