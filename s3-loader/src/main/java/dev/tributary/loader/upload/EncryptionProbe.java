package dev.tributary.loader.upload;

import dev.tributary.loader.config.EncryptionConfig;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.core.exception.SdkException;

/** At start-up: writes a small object with the configured encryption, reads it back with HEAD, deletes it. */
public final class EncryptionProbe {

    private final S3Client s3;
    private final String bucket;
    private final String root;
    private final Encryption encryption;
    private final Retrier retrier;
    private final java.time.Duration patience;

    /** Transient failures (throttling, 5xx, connection errors) are retried for up to {@code patience}. */
    public EncryptionProbe(S3Client s3, String bucket, String root, Encryption encryption, Retrier retrier,
                           java.time.Duration patience) {
        this.s3 = s3;
        this.bucket = bucket;
        this.root = root;
        this.encryption = encryption;
        this.retrier = retrier;
        this.patience = patience;
    }

    /** @throws EncryptionRefusedException naming the setting the bucket refused */
    public void check() {
        String key = root + "_tributary_probe/" + UUID.randomUUID();
        String setting = setting(encryption.config());
        long deadline = System.nanoTime() + patience.toNanos();
        java.util.function.BooleanSupplier givenUp = () -> System.nanoTime() > deadline;
        try {
            retrier.call("probe-put", () -> s3.putObject(encryption.apply(PutObjectRequest.builder().bucket(bucket)
                    .key(key)).build(), RequestBody.fromString("probe")), givenUp);
        } catch (UploadCancelledException e) {
            throw new EncryptionRefusedException("bucket " + bucket + " did not answer the start-up probe within "
                    + patience + " (S3 unreachable or failing)", e);
        } catch (SdkException e) {
            throw new EncryptionRefusedException("bucket " + bucket + " refused a write with " + setting + ": "
                    + e.getMessage(), e);
        }
        try {
            HeadObjectResponse head = retrier.call("probe-head", () -> s3.headObject(encryption.apply(
                    HeadObjectRequest.builder().bucket(bucket).key(key)).build()), givenUp);
            String mismatch = encryption.mismatch(head);
            if (mismatch != null) {
                throw new EncryptionRefusedException("bucket " + bucket + " did not apply " + setting + ": "
                        + mismatch, null);
            }
        } catch (S3Exception | UploadCancelledException e) {
            throw new EncryptionRefusedException("bucket " + bucket + " could not read back a probe written with "
                    + setting + ": " + e.getMessage(), e);
        } finally {
            try {
                s3.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(key).build());
            } catch (SdkException ignored) {
                // The probe is a few bytes under _tributary_probe/; a failed delete harms nothing.
            }
        }
    }

    private static String setting(EncryptionConfig c) {
        String base = "tributary.s3-loader.output.encryption.mode = " + c.mode().configValue();
        return switch (c.mode()) {
            case AWS_KMS -> base + " with tributary.s3-loader.output.encryption.kms-key-id = " + c.kmsKeyId().orElse("");
            case SSE_C -> base + " (tributary.s3-loader.output.encryption.customer-key)";
            default -> base;
        };
    }

    /** The bucket does not accept or does not apply the configured encryption. */
    public static final class EncryptionRefusedException extends RuntimeException {
        public EncryptionRefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
