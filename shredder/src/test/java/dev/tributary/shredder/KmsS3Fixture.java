package dev.tributary.shredder;

import dev.tributary.infra.s3.EmbeddedS3;
import dev.tributary.infra.s3.S3Clients;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded S3 with one bucket and one valid KMS key, reachable by S3A over {@code s3a://} with SSE-KMS, for the
 * test classes that shred on S3 ({@code ShredJobS3Test}, {@code ShredAndLoadEndToEndTest}).
 *
 * <p>S3A (AWS SDK v1) sends SSE-KMS headers over HTTPS only and the embedded S3 speaks HTTP, so S3A goes through a
 * {@link TlsTunnel} with certificate checks off; the SDK v2 {@link #client()} talks to the embedded S3 directly.
 */
final class KmsS3Fixture implements AutoCloseable {

    private final String bucket;
    private final String keyId;
    private final EmbeddedS3 s3;
    private final TlsTunnel tls;
    private final S3Client client;

    private KmsS3Fixture(String bucket, String keyId, EmbeddedS3 s3, TlsTunnel tls, S3Client client) {
        this.bucket = bucket;
        this.keyId = keyId;
        this.s3 = s3;
        this.tls = tls;
        this.client = client;
    }

    /** Starts the embedded S3 with {@code bucket} and the KMS key {@code keyId}; {@code workDir} holds the TLS key. */
    static KmsS3Fixture start(String bucket, String keyId, Path workDir) throws Exception {
        EmbeddedS3 s3 = EmbeddedS3.builder().initialBuckets(bucket).validKmsKeys(keyId).build().start();
        TlsTunnel tls = null;
        try {
            tls = new TlsTunnel(s3.endpoint(), workDir);
            System.setProperty("com.amazonaws.sdk.disableCertChecking", "true");
            S3Client client = S3Clients.builder(s3).httpClient(UrlConnectionHttpClient.create()).build();
            return new KmsS3Fixture(bucket, keyId, s3, tls, client);
        } catch (Exception | Error e) {
            if (tls != null) {
                tls.close();
            }
            s3.close();
            throw e;
        }
    }

    String bucket() {
        return bucket;
    }

    String keyId() {
        return keyId;
    }

    S3Client client() {
        return client;
    }

    /** The embedded S3 itself (plain HTTP), for SDK v2 clients such as the warehouse-loader's. */
    EmbeddedS3 s3() {
        return s3;
    }

    /** {@code s3a://bucket/path}. */
    String s3a(String path) {
        return "s3a://" + bucket + "/" + path;
    }

    /** The job's SSE-KMS setting with this fixture's key. */
    Encryption kms() {
        return new Encryption(Encryption.Mode.KMS, keyId);
    }

    /** Points S3A at the tunnel, with the embedded S3's credentials and region, and sets SSE-KMS as the job does. */
    void configureS3a(Configuration hadoop) {
        hadoop.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        hadoop.set("fs.s3a.access.key", S3Clients.DUMMY_CREDENTIALS.accessKeyId());
        hadoop.set("fs.s3a.secret.key", S3Clients.DUMMY_CREDENTIALS.secretAccessKey());
        ShredderMain.configureHadoop(hadoop, kms(),
                Map.of("AWS_ENDPOINT_URL", tls.endpoint().toString(), "AWS_REGION", s3.region()));
    }

    /**
     * Puts {@code lines} under {@code runPrefix} (ending with {@code /}) as {@code objects} gzip objects named as the
     * s3-loader names them: {@code <yyyy>/<MM>/<dd>/<HH>/<topic>-<partition>-<firstOffset>-<lastOffset>.gz}.
     */
    void uploadAsS3Loader(String runPrefix, List<String> lines, int objects) throws IOException {
        int per = (lines.size() + objects - 1) / objects;
        for (int o = 0; o < objects; o++) {
            List<String> chunk = lines.subList(Math.min(lines.size(), o * per), Math.min(lines.size(), (o + 1) * per));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                gzip.write(EnrichedEventGenerator.gzipBody(chunk));
            }
            String key = runPrefix + "2026/11/30/2" + (o % 2) + "/enriched-" + o + "-" + (o * per) + "-"
                    + (o * per + chunk.size() - 1) + ".gz";
            client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes.toByteArray()));
        }
    }

    /** Every object under {@code prefix}. */
    List<S3Object> list(String prefix) {
        List<S3Object> objects = new ArrayList<>();
        client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().forEach(objects::add);
        return objects;
    }

    /** The non-empty lines of a gzip object. */
    List<String> gunzipLines(String key) throws IOException {
        byte[] gz = client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return RunFolderReader.linesOf(in.readAllBytes());
        }
    }

    /** HEAD on each object: SSE-KMS with this fixture's key. */
    void assertEveryObjectKmsEncrypted(List<S3Object> objects) {
        assertThat(objects).isNotEmpty();
        for (S3Object object : objects) {
            HeadObjectResponse head = client.headObject(b -> b.bucket(bucket).key(object.key()));
            assertThat(head.serverSideEncryption()).as(object.key()).isEqualTo(ServerSideEncryption.AWS_KMS);
            assertThat(head.ssekmsKeyId()).as(object.key()).isEqualTo(keyId);
        }
    }

    @Override
    public void close() throws IOException {
        // S3A file systems are cached per bucket with the settings they were created with.
        FileSystem.closeAll();
        client.close();
        tls.close();
        System.clearProperty("com.amazonaws.sdk.disableCertChecking");
        s3.close();
    }
}
