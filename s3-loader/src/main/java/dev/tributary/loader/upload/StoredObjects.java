package dev.tributary.loader.upload;

import dev.tributary.loader.key.ObjectKeys;
import dev.tributary.loader.key.OffsetRange;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What earlier runs stored for a partition beyond its committed offset: objects written but never committed because
 * the loader crashed or lost the partition between upload and commit. The consumer replays into exactly these ranges.
 */
public final class StoredObjects {

    private final S3Client s3;
    private final String bucket;
    private final ObjectKeys keys;
    private final Retrier retrier;

    public StoredObjects(S3Client s3, String bucket, ObjectKeys keys, Retrier retrier) {
        this.s3 = s3;
        this.bucket = bucket;
        this.keys = keys;
        this.retrier = retrier;
    }

    /**
     * Lists the loader's whole prefix once per assignment, because date folders come before the file name; the cost
     * is one LIST page per 1000 objects, paid only on (re)assignment. An expiry lifecycle rule bounds it.
     */
    public TreeSet<OffsetRange> rangesFrom(String topic, int partition, long fromOffset, BooleanSupplier cancelled) {
        TreeSet<OffsetRange> ranges = new TreeSet<>();
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(keys.root()).build();
        for (S3Object object : retrier.call("list", () -> s3.listObjectsV2Paginator(request).contents()
                .stream().toList(), cancelled)) {
            ObjectKeys.rangeOf(object.key(), topic, partition)
                    .filter(r -> r.last() >= fromOffset)
                    .ifPresent(ranges::add);
        }
        return ranges;
    }
}
