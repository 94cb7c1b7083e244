package dev.tributary.warehouse.run;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The S3 client from the AWS SDK's standard settings: region and credentials from the default chains, the
 * endpoint from {@code AWS_ENDPOINT_URL_S3} (or {@code AWS_ENDPOINT_URL}). With an endpoint override the client
 * uses path-style requests, which MinIO, S3Mock and other S3-compatible servers need.
 */
public final class S3ClientFactory {

    private S3ClientFactory() {
    }

    public static S3Client fromEnvironment(Map<String, String> env) {
        S3ClientBuilder builder = S3Client.builder()
                .region(region(env))
                .httpClient(UrlConnectionHttpClient.create());
        String endpoint = env.getOrDefault("AWS_ENDPOINT_URL_S3", env.get("AWS_ENDPOINT_URL"));
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
        }
        return builder.build();
    }

    /** The default region chain, or us-east-1 when nothing is configured (S3 itself redirects as needed). */
    public static Region region(Map<String, String> env) {
        String fromEnv = env.getOrDefault("AWS_REGION", env.get("AWS_DEFAULT_REGION"));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Region.of(fromEnv);
        }
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (RuntimeException e) {
            return Region.US_EAST_1;
        }
    }
}
