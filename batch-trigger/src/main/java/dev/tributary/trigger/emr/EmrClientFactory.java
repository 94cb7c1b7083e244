package dev.tributary.trigger.emr;

import dev.tributary.trigger.config.AwsCredentialsSource;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.emr.EmrClient;

/**
 * The EMR client. Its endpoint comes only from the SDK's standard settings ({@code AWS_ENDPOINT_URL_EMR},
 * {@code AWS_ENDPOINT_URL}, system properties {@code aws.endpointUrlEmr} / {@code aws.endpointUrl}, profile), so the
 * same binary talks to AWS or to a test endpoint. Retries are {@link EmrRetry}'s, so the SDK's are off.
 */
public final class EmrClientFactory {

    private EmrClientFactory() {
    }

    public static EmrClient create(String region, AwsCredentialsSource credentials) {
        return EmrClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials.provider())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        // EmrEtlRunner's Elasticity API timeout.
                        .apiCallTimeout(Duration.ofSeconds(120)))
                .build();
    }
}
