package dev.tributary.loader.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.loader.config.EncryptionConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Puts the configured server-side encryption on every request that creates data (and, for SSE-C, on HEAD), and
 * checks what a HEAD reports. Explicit on every write: the bucket's default is never relied upon.
 */
public final class Encryption {

    private final EncryptionConfig config;
    // The request fields each mode sets, worked out once; null means "not sent", which the SDK omits.
    private final ServerSideEncryption serverSideEncryption;
    private final String kmsKeyId;
    private final String kmsContext;
    private final Boolean bucketKeyEnabled;
    private final String customerAlgorithm;
    private final String customerKey;
    private final String customerKeyMd5;

    public Encryption(EncryptionConfig config) {
        this.config = config;
        boolean kms = config.mode() == EncryptionConfig.Mode.AWS_KMS;
        boolean customer = config.mode() == EncryptionConfig.Mode.SSE_C;
        this.serverSideEncryption = switch (config.mode()) {
            case AES256 -> ServerSideEncryption.AES256;
            case AWS_KMS -> ServerSideEncryption.AWS_KMS;
            case NONE, SSE_C -> null;
        };
        this.kmsKeyId = kms ? config.kmsKeyId().orElseThrow() : null;
        this.kmsContext = kms && !config.kmsContext().isEmpty() ? base64Json(config) : null;
        this.bucketKeyEnabled = kms && config.bucketKeyEnabled() ? Boolean.TRUE : null;
        this.customerAlgorithm = customer ? "AES256" : null;
        this.customerKey = customer ? config.customerKey().orElseThrow() : null;
        this.customerKeyMd5 = customer ? md5(customerKey) : null;
    }

    public EncryptionConfig config() {
        return config;
    }

    public PutObjectRequest.Builder apply(PutObjectRequest.Builder b) {
        return b.serverSideEncryption(serverSideEncryption).ssekmsKeyId(kmsKeyId).ssekmsEncryptionContext(kmsContext)
                .bucketKeyEnabled(bucketKeyEnabled)
                .sseCustomerAlgorithm(customerAlgorithm).sseCustomerKey(customerKey).sseCustomerKeyMD5(customerKeyMd5);
    }

    public CreateMultipartUploadRequest.Builder apply(CreateMultipartUploadRequest.Builder b) {
        return b.serverSideEncryption(serverSideEncryption).ssekmsKeyId(kmsKeyId).ssekmsEncryptionContext(kmsContext)
                .bucketKeyEnabled(bucketKeyEnabled)
                .sseCustomerAlgorithm(customerAlgorithm).sseCustomerKey(customerKey).sseCustomerKeyMD5(customerKeyMd5);
    }

    /** Parts carry the customer key under SSE-C; the other modes are set once at create. */
    public UploadPartRequest.Builder apply(UploadPartRequest.Builder b) {
        return b.sseCustomerAlgorithm(customerAlgorithm).sseCustomerKey(customerKey).sseCustomerKeyMD5(customerKeyMd5);
    }

    public HeadObjectRequest.Builder apply(HeadObjectRequest.Builder b) {
        return b.sseCustomerAlgorithm(customerAlgorithm).sseCustomerKey(customerKey).sseCustomerKeyMD5(customerKeyMd5);
    }

    /** @return null if {@code head} shows the configured encryption, else what differs */
    public String mismatch(HeadObjectResponse head) {
        return switch (config.mode()) {
            case NONE -> null;
            case AES256 -> head.serverSideEncryption() == ServerSideEncryption.AES256 ? null
                    : "expected server-side encryption AES256, the store reported " + head.serverSideEncryptionAsString();
            case AWS_KMS -> {
                if (head.serverSideEncryption() != ServerSideEncryption.AWS_KMS) {
                    yield "expected server-side encryption aws:kms, the store reported "
                            + head.serverSideEncryptionAsString();
                }
                String key = config.kmsKeyId().orElseThrow();
                String reported = head.ssekmsKeyId();
                // AWS reports the key ARN even when a bare key id or alias was sent.
                yield reported != null && (reported.equals(key) || reported.endsWith("/" + key)
                        || key.endsWith("/" + reported)) ? null
                        : "expected KMS key " + key + ", the store reported " + reported;
            }
            case SSE_C -> "AES256".equals(head.sseCustomerAlgorithm()) ? null
                    : "expected SSE-C (AES256), the store reported " + head.sseCustomerAlgorithm();
        };
    }

    private static String base64Json(EncryptionConfig config) {
        try {
            String json = new ObjectMapper().writeValueAsString(new TreeMap<>(config.kmsContext()));
            return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String md5(String base64Key) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(Base64.getDecoder().decode(base64Key));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
