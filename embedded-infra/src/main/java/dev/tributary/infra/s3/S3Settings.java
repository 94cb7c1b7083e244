package dev.tributary.infra.s3;

import dev.tributary.infra.net.BindAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an {@link EmbeddedS3} is asked to be.
 *
 * @param bindAddress   interface every connector listens on; loopback unless asked otherwise
 * @param port          HTTP port; 0 picks a free one
 * @param dataDir       folder that keeps buckets and objects across restarts; empty means a temporary folder
 *                      that is deleted on close
 * @param initialBuckets buckets created at start unless the data dir already has them
 * @param validKmsKeys  KMS key ARNs accepted for {@code aws:kms} encryption; S3Mock rejects any other key id
 * @param region        region the server reports for its buckets
 */
public record S3Settings(BindAddress bindAddress, int port, Optional<Path> dataDir, List<String> initialBuckets, List<String> validKmsKeys,
                         String region) {

  /** The shape S3Mock accepts; checked here so a typo fails at build() rather than as a 400 on the first PUT. */
  private static final Pattern KMS_KEY_ARN = Pattern.compile("arn:aws:kms:([a-zA-Z]+)-([a-zA-Z]+)-(\\d+):(\\d+):key/.*");

  public static final String DEFAULT_REGION = "us-east-1";

  public S3Settings {
    Objects.requireNonNull(bindAddress, "bindAddress");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    dataDir = dataDir.map(Path::toAbsolutePath);
    initialBuckets = List.copyOf(initialBuckets);
    validKmsKeys = List.copyOf(validKmsKeys);
    for (String arn : validKmsKeys) {
      if (!KMS_KEY_ARN.matcher(arn).matches()) {
        throw new IllegalArgumentException(
            "KMS key must be an ARN like arn:aws:kms:us-east-1:123456789012:key/<id>, was " + arn);
      }
    }
    if (region == null || region.isBlank()) {
      throw new IllegalArgumentException("region must not be blank");
    }
  }

  public boolean persistent() {
    return dataDir.isPresent();
  }
}
