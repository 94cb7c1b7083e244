package dev.tributary.loader.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.loader.buffer.Batch;
import dev.tributary.loader.buffer.BatchBuilder;
import dev.tributary.loader.buffer.RotationReason;
import dev.tributary.loader.config.EncryptionConfig;
import dev.tributary.loader.config.Purpose;
import dev.tributary.loader.key.ObjectKeys;
import dev.tributary.loader.key.PartitionFormat;
import dev.tributary.loader.key.SchemaGroup;
import dev.tributary.loader.testing.Bucket;
import dev.tributary.loader.testing.SharedInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

class S3WriterTest {

    private final SharedInfra infra = SharedInfra.get();
    private final S3Client s3 = infra.s3Client;
    private static final long HOUR_2026_03_04_05 = Instant.parse("2026-03-04T05:30:00Z").toEpochMilli();

    private S3Writer writer(String prefix, EncryptionConfig encryption, long multipartThreshold) {
        ObjectKeys keys = new ObjectKeys(prefix, PartitionFormat.parse("{yyyy}/{MM}/{dd}/{HH}", Purpose.RAW));
        return new S3Writer(s3, SharedInfra.BUCKET, keys, new Encryption(encryption),
                new Retrier(new Backoff(Duration.ofMillis(5), Duration.ofMillis(50)), RetryListener.NONE),
                multipartThreshold, 5 * 1024 * 1024);
    }

    private static Batch batch(long first, List<String> lines) {
        BatchBuilder b = new BatchBuilder("t", 2, first, System.nanoTime());
        long offset = first;
        for (String line : lines) {
            b.addLine(offset++, SchemaGroup.NONE, line.getBytes(StandardCharsets.UTF_8), HOUR_2026_03_04_05, 0);
        }
        return b.seal(RotationReason.RECORDS);
    }

    @Test
    void writesTheKeyFromPrefixFolderTopicPartitionAndOffsets() {
        List<WriteOutcome> out = writer("writer-keys", EncryptionConfig.sseS3(), Long.MAX_VALUE)
                .write(batch(10, List.of("a", "b", "c")), () -> false);

        assertThat(out).singleElement().satisfies(o -> {
            assertThat(o.key()).isEqualTo("writer-keys/2026/03/04/05/t-2-10-12.gz");
            assertThat(o.alreadyStored()).isFalse();
        });
        byte[] gz = s3.getObjectAsBytes(GetObjectRequest.builder().bucket(SharedInfra.BUCKET)
                .key("writer-keys/2026/03/04/05/t-2-10-12.gz").build()).asByteArray();
        assertThat(Bucket.gunzipLines(gz)).containsExactly("a", "b", "c");
    }

    @Test
    void theConditionalWriteLeavesAnObjectAlreadyStoredUnderTheKey() {
        String key = "writer-conditional/2026/03/04/05/t-2-0-1.gz";
        s3.putObject(PutObjectRequest.builder().bucket(SharedInfra.BUCKET).key(key).build(),
                RequestBody.fromString("earlier run"));

        List<WriteOutcome> out = writer("writer-conditional", EncryptionConfig.sseS3(), Long.MAX_VALUE)
                .write(batch(0, List.of("x", "y")), () -> false);

        assertThat(out).singleElement().satisfies(o -> assertThat(o.alreadyStored()).isTrue());
        String stored = s3.getObjectAsBytes(GetObjectRequest.builder().bucket(SharedInfra.BUCKET).key(key).build())
                .asUtf8String();
        assertThat(stored).isEqualTo("earlier run");
    }

    @Test
    void largeObjectsGoMultipartAndKeepTheirKmsEncryption() {
        Random random = new Random(42);
        List<String> lines = new ArrayList<>();
        // Random text barely compresses: ~11 MiB of it makes two parts (5 MiB and the rest).
        for (int i = 0; i < 11_000; i++) {
            byte[] bytes = new byte[1024];
            random.nextBytes(bytes);
            lines.add(java.util.Base64.getEncoder().encodeToString(bytes));
        }
        List<WriteOutcome> out = writer("writer-multipart", EncryptionConfig.kms(SharedInfra.KMS_KEY), 6 * 1024 * 1024)
                .write(batch(0, lines), () -> false);

        assertThat(out).singleElement().satisfies(o -> assertThat(o.multipart()).isTrue());
        HeadObjectResponse head = s3.headObject(HeadObjectRequest.builder().bucket(SharedInfra.BUCKET)
                .key(out.get(0).key()).build());
        assertThat(head.eTag()).as("multipart ETags end with the part count").endsWith("-2\"");
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(head.ssekmsKeyId()).isEqualTo(SharedInfra.KMS_KEY);
        byte[] gz = s3.getObjectAsBytes(GetObjectRequest.builder().bucket(SharedInfra.BUCKET)
                .key(out.get(0).key()).build()).asByteArray();
        assertThat(Bucket.gunzipLines(gz)).isEqualTo(lines);
    }

    @Test
    void aMultipartReplayOfAStoredKeyIsRefusedAndTheUploadAborted() {
        Random random = new Random(7);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 9 * 1024; i++) {
            byte[] bytes = new byte[768];
            random.nextBytes(bytes);
            lines.add(java.util.Base64.getEncoder().encodeToString(bytes));
        }
        S3Writer writer = writer("writer-multipart-replay", EncryptionConfig.sseS3(), 6 * 1024 * 1024);
        assertThat(writer.write(batch(0, lines), () -> false)).singleElement()
                .satisfies(o -> assertThat(o.alreadyStored()).isFalse());
        assertThat(writer.write(batch(0, lines), () -> false)).singleElement()
                .satisfies(o -> assertThat(o.alreadyStored()).isTrue());
    }
}
