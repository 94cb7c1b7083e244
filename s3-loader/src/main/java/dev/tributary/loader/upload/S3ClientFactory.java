package dev.tributary.loader.upload;

import dev.tributary.loader.config.LoaderConfig;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The SDK client: default credentials chain, SDK retries off (see {@link Retrier}), a per-attempt timeout. */
public final class S3ClientFactory {

    private S3ClientFactory() {
    }

    public static S3Client create(LoaderConfig config) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(config.s3().region()))
                .forcePathStyle(config.s3().pathStyle())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(config.retry().attemptTimeout())
                        .build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(config.retry().attemptTimeout())
                        .build());
        config.s3().endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
