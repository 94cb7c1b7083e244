package dev.tributary.trigger.s3;

import dev.tributary.infra.s3.EmbeddedS3;
import dev.tributary.trigger.config.AwsCredentialsSource;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One embedded S3 (S3Mock) for the test JVM, reached through the SDK's standard endpoint setting
 * ({@code aws.endpointUrlS3}) exactly as production reaches AWS or MinIO.
 */
public final class S3TestSupport {

    public static final String BUCKET = "acme-snowplow";
    public static final String KMS_KEY = "arn:aws:kms:eu-west-1:123456789012:key/tributary-test";
    private static EmbeddedS3 s3;

    private S3TestSupport() {
    }

    public static synchronized EmbeddedS3 start() {
        if (s3 == null) {
            s3 = EmbeddedS3.builder().initialBuckets(BUCKET).validKmsKeys(KMS_KEY).build().start();
            Runtime.getRuntime().addShutdownHook(new Thread(s3::close));
        }
        // An IP literal: virtual-host addressing (bucket.127.0.0.1) cannot work, so tests fail unless the
        // factory switches to path-style when an endpoint override is set.
        System.setProperty("aws.endpointUrlS3", "http://127.0.0.1:" + s3.port());
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        return s3;
    }

    public static S3Client client() {
        start();
        return S3ClientFactory.create("eu-west-1", AwsCredentialsSource.defaultChain());
    }

    public static void put(S3Client client, String key, String content) {
        client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(gzip(content)));
    }

    public static List<String> keys(S3Client client, String prefix) {
        return client.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(BUCKET).prefix(prefix).build())
                .contents().stream().map(S3Object::key).sorted().toList();
    }

    public static HeadObjectResponse head(S3Client client, String key) {
        return client.headObject(b -> b.bucket(BUCKET).key(key));
    }

    /** Removes everything in the bucket, between tests. */
    public static void clear(S3Client client) {
        keys(client, "").forEach(k -> client.deleteObject(b -> b.bucket(BUCKET).key(k)));
    }

    static byte[] gzip(String content) {
        try (var bytes = new java.io.ByteArrayOutputStream(); var gz = new GZIPOutputStream(bytes)) {
            gz.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            gz.finish();
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
