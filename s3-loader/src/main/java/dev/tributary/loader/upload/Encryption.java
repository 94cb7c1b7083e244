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
    private final String contextHeader;
    private final String customerKeyMd5;

    public Encryption(EncryptionConfig config) {
        this.config = config;
        this.contextHeader = config.kmsContext().isEmpty() ? null : base64Json(config);
        this.customerKeyMd5 = config.customerKey().map(Encryption::md5).orElse(null);
    }

    public EncryptionConfig config() {
        return config;
    }

    public PutObjectRequest.Builder apply(PutObjectRequest.Builder b) {
        switch (config.mode()) {
            case NONE -> { }
            case AES256 -> b.serverSideEncryption(ServerSideEncryption.AES256);
            case AWS_KMS -> b.serverSideEncryption(ServerSideEncryption.AWS_KMS)
                    .ssekmsKeyId(config.kmsKeyId().orElseThrow())
                    .ssekmsEncryptionContext(contextHeader)
                    .bucketKeyEnabled(config.bucketKeyEnabled() ? Boolean.TRUE : null);
            case SSE_C -> b.sseCustomerAlgorithm("AES256").sseCustomerKey(config.customerKey().orElseThrow())
                    .sseCustomerKeyMD5(customerKeyMd5);
        }
        return b;
    }

    public CreateMultipartUploadRequest.Builder apply(CreateMultipartUploadRequest.Builder b) {
        switch (config.mode()) {
            case NONE -> { }
            case AES256 -> b.serverSideEncryption(ServerSideEncryption.AES256);
            case AWS_KMS -> b.serverSideEncryption(ServerSideEncryption.AWS_KMS)
                    .ssekmsKeyId(config.kmsKeyId().orElseThrow())
                    .ssekmsEncryptionContext(contextHeader)
                    .bucketKeyEnabled(config.bucketKeyEnabled() ? Boolean.TRUE : null);
            case SSE_C -> b.sseCustomerAlgorithm("AES256").sseCustomerKey(config.customerKey().orElseThrow())
                    .sseCustomerKeyMD5(customerKeyMd5);
        }
        return b;
    }

    /** Parts carry the customer key under SSE-C; the other modes are set once at create. */
    public UploadPartRequest.Builder apply(UploadPartRequest.Builder b) {
        if (config.mode() == EncryptionConfig.Mode.SSE_C) {
            b.sseCustomerAlgorithm("AES256").sseCustomerKey(config.customerKey().orElseThrow())
                    .sseCustomerKeyMD5(customerKeyMd5);
        }
        return b;
    }

    public HeadObjectRequest.Builder apply(HeadObjectRequest.Builder b) {
        if (config.mode() == EncryptionConfig.Mode.SSE_C) {
            b.sseCustomerAlgorithm("AES256").sseCustomerKey(config.customerKey().orElseThrow())
                    .sseCustomerKeyMD5(customerKeyMd5);
        }
        return b;
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
