package dev.tributary.loader.upload;

import dev.tributary.loader.buffer.Batch;
import dev.tributary.loader.key.ObjectKeys;
import dev.tributary.loader.key.SchemaGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Writes a batch's objects with {@code If-None-Match: *}: an object already stored under the same key (by a run that
 * crashed before committing) is left as it is. Keys are deterministic, so that object has the same content.
 */
public final class S3Writer {

    private static final String CONTENT_TYPE = "application/gzip";

    private final S3Client s3;
    private final String bucket;
    private final ObjectKeys keys;
    private final Encryption encryption;
    private final Retrier retrier;
    private final long multipartThreshold;
    private final int partSize;

    public S3Writer(S3Client s3, String bucket, ObjectKeys keys, Encryption encryption, Retrier retrier,
                    long multipartThreshold, int partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.keys = keys;
        this.encryption = encryption;
        this.retrier = retrier;
        this.multipartThreshold = multipartThreshold;
        this.partSize = partSize;
    }

    public List<WriteOutcome> write(Batch batch, BooleanSupplier cancelled) {
        List<WriteOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<SchemaGroup, byte[]> body : batch.bodies().entrySet()) {
            String key = keys.key(batch.folderTimeMillis(), body.getKey(), batch.topic(), batch.partition(),
                    batch.range());
            byte[] bytes = body.getValue();
            boolean multipart = bytes.length >= multipartThreshold && bytes.length > partSize;
            boolean stored = multipart ? multipart(key, bytes, cancelled) : put(key, bytes, cancelled);
            outcomes.add(new WriteOutcome(key, bytes.length, stored, multipart));
        }
        return outcomes;
    }

    /** @return true if the key was already stored */
    private boolean put(String key, byte[] bytes, BooleanSupplier cancelled) {
        PutObjectRequest request = encryption.apply(PutObjectRequest.builder()
                .bucket(bucket).key(key).contentType(CONTENT_TYPE).ifNoneMatch("*")).build();
        try {
            retrier.call("put", () -> s3.putObject(request, RequestBody.fromBytes(bytes)), cancelled);
            return false;
        } catch (S3Exception e) {
            if (isPreconditionFailed(e)) {
                return true;
            }
            throw e;
        }
    }

    private boolean multipart(String key, byte[] bytes, BooleanSupplier cancelled) {
        String uploadId = retrier.call("create-multipart", () -> s3.createMultipartUpload(encryption.apply(
                CreateMultipartUploadRequest.builder().bucket(bucket).key(key).contentType(CONTENT_TYPE)).build()),
                cancelled).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int partNumber = 1;
            for (int offset = 0; offset < bytes.length; offset += partSize, partNumber++) {
                // The last part takes the remainder; S3 needs every other part to be at least 5 MiB.
                int length = bytes.length - offset < 2L * partSize ? bytes.length - offset : partSize;
                int number = partNumber;
                int from = offset;
                String etag = retrier.call("upload-part", () -> s3.uploadPart(encryption.apply(
                        UploadPartRequest.builder().bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                                .contentLength((long) length)).build(),
                        // A copy: RequestBody.fromByteBuffer reads a wrapped array from index 0, not from the slice.
                        RequestBody.fromBytes(java.util.Arrays.copyOfRange(bytes, from, from + length))), cancelled).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                if (length != partSize) {
                    break;
                }
            }
            CompleteMultipartUploadRequest complete = CompleteMultipartUploadRequest.builder()
                    .bucket(bucket).key(key).uploadId(uploadId).ifNoneMatch("*")
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()).build();
            try {
                retrier.call("complete-multipart", () -> s3.completeMultipartUpload(complete), cancelled);
                return false;
            } catch (S3Exception e) {
                if (isPreconditionFailed(e)) {
                    abortQuietly(key, uploadId);
                    return true;
                }
                // A retried complete whose first attempt landed finds no upload any more; the object is there.
                if (e.statusCode() == 404 && exists(key)) {
                    return false;
                }
                throw e;
            }
        } catch (RuntimeException e) {
            abortQuietly(key, uploadId);
            throw e;
        }
    }

    private boolean exists(String key) {
        try {
            s3.headObject(encryption.apply(HeadObjectRequest.builder().bucket(bucket).key(key)).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private void abortQuietly(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(AbortMultipartUploadRequest.builder().bucket(bucket).key(key).uploadId(uploadId)
                    .build());
        } catch (RuntimeException ignored) {
            // A lifecycle rule for incomplete multipart uploads cleans up what an abort could not.
        }
    }

    static boolean isPreconditionFailed(S3Exception e) {
        return e.statusCode() == 412;
    }
}
