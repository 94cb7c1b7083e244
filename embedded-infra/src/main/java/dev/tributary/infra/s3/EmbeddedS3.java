package dev.tributary.infra.s3;

import dev.tributary.infra.net.BindAddress;
import dev.tributary.infra.net.OwnerOnlyDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real S3 API server (Adobe S3Mock) running in this JVM over plain HTTP.
 *
 * <pre>{@code
 * try (EmbeddedS3 s3 = EmbeddedS3.builder().initialBuckets("raw").build().start();
 *      S3Client client = S3Clients.create(s3)) {
 *   client.putObject(b -> b.bucket("raw").key("k"), RequestBody.fromString("v"));
 * }
 * }</pre>
 *
 * <p>With {@link Builder#dataDir(Path)} the buckets and objects (with their metadata, encryption included) are kept in
 * that folder and found again by the next server started on it; without it a temporary folder is used and deleted on
 * {@link #close()}. Not thread-safe: start and close from one thread.
 */
public final class EmbeddedS3 implements AutoCloseable {

  private final S3Settings settings;
  private S3MockBoot.Started running;
  private Path root;

  public EmbeddedS3(S3Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts the server and returns this; blocks until it accepts connections. */
  public EmbeddedS3 start() {
    if (running != null) {
      throw new IllegalStateException("already started");
    }
    root = settings.dataDir().map(EmbeddedS3::createDirectories).orElseGet(EmbeddedS3::createTempDirectory);
    try {
      running = S3MockBoot.start(S3MockArguments.of(settings, root), settings.validKmsKeys(),
          settings.bindAddress());
    } catch (RuntimeException e) {
      deleteTemporaryRoot();
      throw e;
    }
    return this;
  }

  /** The HTTP endpoint, such as {@code http://localhost:41233}; use with path-style access. */
  public URI endpoint() {
    return URI.create("http://" + settings.bindAddress().clientHost() + ":" + port());
  }

  public int port() {
    return requireRunning().httpPort();
  }

  public String region() {
    return settings.region();
  }

  /** The folder holding the store: the configured data dir, or the temporary one while running. */
  public Path dataDir() {
    requireRunning();
    return root;
  }

  public S3Settings settings() {
    return settings;
  }

  @Override
  public void close() {
    if (running == null) {
      return;
    }
    try {
      running.stop();
    } finally {
      running = null;
      deleteTemporaryRoot();
    }
  }

  private S3MockBoot.Started requireRunning() {
    if (running == null) {
      throw new IllegalStateException("not started");
    }
    return running;
  }

  // S3Mock empties a non-retained root itself when its context closes; this also covers a failed start.
  private void deleteTemporaryRoot() {
    if (settings.persistent() || root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }

  private static Path createDirectories(Path dir) {
    try {
      return OwnerOnlyDirectories.create(dir);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("cannot create S3 data dir " + dir, e.getCause());
    }
  }

  private static Path createTempDirectory() {
    try {
      return Files.createTempDirectory("tributary-s3-", OwnerOnlyDirectories.ATTRIBUTE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary S3 data dir", e);
    }
  }

  /** Collects {@link S3Settings}; defaults are a free port, a temporary data dir, no buckets, no KMS keys. */
  public static final class Builder {

    private BindAddress bindAddress = BindAddress.LOOPBACK;
    private int port;
    private Path dataDir;
    private String[] initialBuckets = {};
    private String[] validKmsKeys = {};
    private String region = S3Settings.DEFAULT_REGION;

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

    /** Persistent store: objects survive close and a later start on the same folder. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
      return this;
    }

    public Builder initialBuckets(String... buckets) {
      this.initialBuckets = buckets.clone();
      return this;
    }

    /** KMS key ARNs ({@code arn:aws:kms:REGION:ACCOUNT:key/ID}) that {@code aws:kms} uploads may name. */
    public Builder validKmsKeys(String... arns) {
      this.validKmsKeys = arns.clone();
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public S3Settings settings() {
      return new S3Settings(bindAddress, port, Optional.ofNullable(dataDir), List.of(initialBuckets),
          List.of(validKmsKeys), region);
    }

    public EmbeddedS3 build() {
      return new EmbeddedS3(settings());
    }
  }
}
