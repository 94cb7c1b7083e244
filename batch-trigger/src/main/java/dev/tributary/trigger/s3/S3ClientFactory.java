package dev.tributary.trigger.s3;

import dev.tributary.trigger.config.AwsCredentialsSource;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The S3 client. The endpoint comes only from the SDK's own settings ({@code AWS_ENDPOINT_URL_S3} /
 * {@code AWS_ENDPOINT_URL}, system properties {@code aws.endpointUrlS3} / {@code aws.endpointUrl}, or the profile's
 * {@code endpoint_url}), so one binary talks to AWS, MinIO or the embedded S3. When such an override is in force the
 * client uses path-style addressing: MinIO and S3Mock have no DNS for {@code bucket.host}.
 */
public final class S3ClientFactory {

    private S3ClientFactory() {
    }

    public static S3Client create(String region, AwsCredentialsSource credentials) {
        S3Client plain = builder(region, credentials).build();
        if (plain.serviceClientConfiguration().endpointOverride().isEmpty()) {
            return plain;
        }
        plain.close();
        return builder(region, credentials).forcePathStyle(true).build();
    }

    private static S3ClientBuilder builder(String region, AwsCredentialsSource credentials) {
        return S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials.provider())
                .httpClientBuilder(UrlConnectionHttpClient.builder());
    }
}
