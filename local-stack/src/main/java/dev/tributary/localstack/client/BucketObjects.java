package dev.tributary.localstack.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The objects of the stack's bucket under a prefix, with the encryption S3 reports for each ({@code HEAD}) and the
 * lines in the gzipped ones. Objects never change once written (the loaders and the batch write each key once), so
 * what was read of one is kept.
 */
public final class BucketObjects implements AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final Map<String, String> encryption = new HashMap<>();
    private final Map<String, Long> lines = new HashMap<>();

    public BucketObjects(String endpoint, String bucket) {
        this.s3 = client(endpoint);
        this.bucket = bucket;
    }

    /** An S3 client for the stack's S3 server at {@code endpoint}, configured as the README tells users to. */
    public static S3Client client(String endpoint) {
        // The stack's S3 takes any credentials; path-style because the bucket is not a DNS name on localhost.
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Every key under {@code prefix}, sorted. */
    public Set<String> keys(String prefix) {
        Set<String> keys = new TreeSet<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().forEach(o -> keys.add(o.key()));
        return keys;
    }

    /** The server-side encryption S3 answers on HEAD: {@code AES256}, {@code aws:kms} or {@code none}. */
    public String encryption(String key) {
        return encryption.computeIfAbsent(key, k -> {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(k));
            return head.serverSideEncryptionAsString() == null ? "none" : head.serverSideEncryptionAsString();
        });
    }

    /** Non-empty lines of a gzipped object; 0 for an object that is not gzip (markers such as _SUCCESS). */
    public long lines(String key) {
        return lines.computeIfAbsent(key, k -> {
            if (!k.endsWith(".gz")) {
                return 0L;
            }
            byte[] gzipped = s3.getObjectAsBytes(b -> b.bucket(bucket).key(k)).asByteArray();
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isEmpty()).count();
            } catch (IOException e) {
                throw new UncheckedIOException("s3://" + bucket + "/" + k + " is not gzip", e);
            }
        });
    }

    /** Objects, lines and the set of encryptions of {@code keys}. */
    public Summary summarise(List<String> keys) {
        long total = 0;
        Set<String> kinds = new TreeSet<>();
        for (String key : keys) {
            total += lines(key);
            kinds.add(encryption(key));
        }
        return new Summary(keys.size(), total, kinds);
    }

    /** What a prefix holds: objects, lines in them, and every encryption seen ({@code AES256}, {@code aws:kms}). */
    public record Summary(int objects, long lines, Set<String> encryption) {
        public String encryptionText() {
            return encryption.isEmpty() ? "-" : String.join("+", encryption);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
