package dev.tributary.loader.testing;

import dev.tributary.infra.kafka.EmbeddedKafka;
import dev.tributary.infra.s3.EmbeddedS3;
import dev.tributary.infra.s3.S3Clients;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import java.net.URI;

/**
 * One Kafka broker and one S3 server for the whole test run (each takes seconds to start); tests keep apart by unique
 * topic, group and prefix names. Stopped when the test JVM exits.
 */
public final class SharedInfra {

    public static final String BUCKET = "loader-test";
    public static final String KMS_KEY = "arn:aws:kms:us-east-1:000000000000:key/loader-test";

    private static SharedInfra instance;

    public final EmbeddedKafka kafka;
    public final EmbeddedS3 s3;
    public final S3Client s3Client;

    private SharedInfra() {
        kafka = EmbeddedKafka.builder().start();
        s3 = EmbeddedS3.builder().initialBuckets(BUCKET).validKmsKeys(KMS_KEY).build().start();
        s3Client = client(s3.endpoint());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            s3Client.close();
            s3.close();
            kafka.close();
        }));
    }

    public static synchronized SharedInfra get() {
        if (instance == null) {
            instance = new SharedInfra();
        }
        return instance;
    }

    /** A client for {@code endpoint} (the server itself or a fault proxy in front of it), SDK retries off. */
    public S3Client client(URI endpoint) {
        return S3Clients.builder(s3).endpointOverride(endpoint)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry()).build())
                .build();
    }
}
