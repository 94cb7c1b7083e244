package dev.tributary.trigger.s3;

import dev.tributary.trigger.config.S3Location;
import dev.tributary.trigger.config.Sse;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Server-side move: CopyObject (which writes a new object, so the configured SSE is set on it explicitly rather than
 * trusting a bucket default), then delete the source. Keys keep their path below the source folder, as S3DistCp
 * does. A crash between copy and delete leaves the object in both places; the next run sees the destination not
 * empty and stops with exit 4 instead of staging twice.
 */
public final class ObjectMover {

    /** CopyObject handles up to 5 GiB in one request; s3-loader objects are far smaller. */
    static final long MAX_SINGLE_COPY = 5L * 1024 * 1024 * 1024;

    private final S3Client s3;
    private final S3Retry retry;
    private final Sse sse;
    private final LongConsumer moved;

    public ObjectMover(S3Client s3, S3Retry retry, Sse sse) {
        this(s3, retry, sse, bytes -> { });
    }

    /** @param moved told the size of every object moved, for the run's meters */
    public ObjectMover(S3Client s3, S3Retry retry, Sse sse, LongConsumer moved) {
        this.s3 = s3;
        this.retry = retry;
        this.sse = sse;
        this.moved = moved;
    }

    public MoveResult move(S3Location from, List<S3Object> objects, S3Location to, IntConsumer progress) {
        long bytes = 0;
        int count = 0;
        for (S3Object object : objects) {
            if (object.size() != null && object.size() > MAX_SINGLE_COPY) {
                throw new IllegalStateException(object.key() + " is larger than 5 GiB; CopyObject cannot move it");
            }
            String relative = object.key().substring(from.prefix().length());
            String target = to.key(relative);
            CopyObjectRequest.Builder copy = CopyObjectRequest.builder()
                    .sourceBucket(from.bucket()).sourceKey(object.key())
                    .destinationBucket(to.bucket()).destinationKey(target);
            switch (sse.mode()) {
                case AES256 -> copy.serverSideEncryption(ServerSideEncryption.AES256);
                case AWS_KMS -> copy.serverSideEncryption(ServerSideEncryption.AWS_KMS)
                        .ssekmsKeyId(sse.kmsKeyId().orElseThrow());
                case NONE -> { }
            }
            retry.call("copy " + object.key(), () -> s3.copyObject(copy.build()));
            retry.call("delete " + object.key(), () -> s3.deleteObject(DeleteObjectRequest.builder()
                    .bucket(from.bucket()).key(object.key()).build()));
            long size = object.size() == null ? 0 : object.size();
            bytes += size;
            count++;
            this.moved.accept(size);
            progress.accept(count);
        }
        return new MoveResult(count, bytes);
    }
}
