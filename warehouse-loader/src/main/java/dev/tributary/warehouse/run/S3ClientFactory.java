package dev.tributary.warehouse.run;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The S3 client from the AWS SDK's standard settings: region and credentials from the environment or the default
 * chains, the
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
        String key = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (key != null && secret != null) {
            // The same as the SDK's environment provider, but reading the map given (System.getenv() in production).
            String token = env.get("AWS_SESSION_TOKEN");
            builder.credentialsProvider(StaticCredentialsProvider.create(token == null
                    ? AwsBasicCredentials.create(key, secret) : AwsSessionCredentials.create(key, secret, token)));
        }
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
