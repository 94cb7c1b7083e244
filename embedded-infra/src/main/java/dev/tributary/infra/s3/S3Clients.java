package dev.tributary.infra.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * AWS SDK v2 clients pointed at an {@link EmbeddedS3}. Needs {@code software.amazon.awssdk:s3} and one SDK HTTP client
 * (for example {@code url-connection-client}) on the caller's classpath; this module declares the SDK optional.
 */
public final class S3Clients {

  /** S3Mock does not check signatures, but the SDK refuses to sign without credentials. */
  public static final AwsBasicCredentials DUMMY_CREDENTIALS = AwsBasicCredentials.create("tributary", "tributary");

  private S3Clients() {
  }

  /**
   * A builder with endpoint, region, path-style access and dummy credentials set; add an {@code httpClient(...)} when
   * more than one SDK HTTP client is on the classpath.
   */
  public static S3ClientBuilder builder(EmbeddedS3 s3) {
    return S3Client.builder()
        .endpointOverride(s3.endpoint())
        .region(Region.of(s3.region()))
        // Virtual-host style would need DNS for bucket.localhost.
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(DUMMY_CREDENTIALS));
  }

  public static S3Client create(EmbeddedS3 s3) {
    return builder(s3).build();
  }
}
