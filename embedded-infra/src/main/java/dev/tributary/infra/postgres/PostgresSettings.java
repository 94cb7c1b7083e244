package dev.tributary.infra.postgres;

import dev.tributary.infra.net.BindAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link EmbeddedPostgresServer} is asked to be.
 *
 * @param bindAddress interface PostgreSQL listens on; loopback unless asked otherwise
 * @param port    TCP port; 0 picks a free one
 * @param dataDir PostgreSQL data directory kept across restarts; empty means a temporary one deleted on close
 */
public record PostgresSettings(BindAddress bindAddress, int port, Optional<Path> dataDir) {

  public PostgresSettings {
    Objects.requireNonNull(bindAddress, "bindAddress");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    dataDir = dataDir.map(Path::toAbsolutePath);
  }

  public boolean persistent() {
    return dataDir.isPresent();
  }
}
