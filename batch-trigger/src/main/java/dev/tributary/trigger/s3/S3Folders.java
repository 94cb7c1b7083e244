package dev.tributary.trigger.s3;

import dev.tributary.trigger.config.S3Location;
import dev.tributary.trigger.run.RunId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Listing questions the run asks of S3. Listings are paginated (EmrEtlRunner listed 50 keys per page); folder
 * placeholders ({@code key/} and Hadoop's {@code key_$folder$}) are not data and never count.
 */
public final class S3Folders {

    static final int PAGE_SIZE = 50;

    private final S3Client s3;
    private final S3Retry retry;

    public S3Folders(S3Client s3, S3Retry retry) {
        this.s3 = s3;
        this.retry = retry;
    }

    /** True when no data object exists anywhere under the folder (the whole prefix, #3717). */
    public boolean isEmpty(S3Location folder) {
        String token = null;
        do {
            ListObjectsV2Response page = list(folder, null, token);
            if (page.contents().stream().anyMatch(o -> isData(o.key()))) {
                return false;
            }
            token = page.nextContinuationToken();
        } while (token != null);
        return true;
    }

    /** Every data object under the folder whose key ends in the suffix, all pages. */
    public List<S3Object> objects(S3Location folder, String suffix) {
        List<S3Object> out = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Response page = list(folder, null, token);
            page.contents().stream().filter(o -> isData(o.key()) && o.key().endsWith(suffix)).forEach(out::add);
            token = page.nextContinuationToken();
        } while (token != null);
        return out;
    }

    /** The newest {@code run=} folder directly under {@code folder} that holds data under {@code mustContain}. */
    public Optional<RunId> latestRun(S3Location folder, String mustContain, java.time.ZoneId zone) {
        List<String> runs = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Response page = list(folder, "/", token);
            for (CommonPrefix p : page.commonPrefixes()) {
                String name = p.prefix().substring(folder.prefix().length()).replaceAll("/$", "");
                if (name.startsWith("run=") && RunId.looksLikeRunId(name.substring(4))) {
                    runs.add(name.substring(4));
                }
            }
            token = page.nextContinuationToken();
        } while (token != null);
        runs.sort(java.util.Comparator.reverseOrder());
        for (String run : runs) {
            S3Location candidate = folder.folder("run=" + run).folder(mustContain);
            if (mustContain.isEmpty() ? !isEmpty(folder.folder("run=" + run)) : !isEmpty(candidate)) {
                return Optional.of(RunId.parse(run, zone));
            }
        }
        return Optional.empty();
    }

    /** Deletes each object of the bucket, one request per key with the usual retries. */
    public void delete(List<S3Object> objects, String bucket) {
        for (S3Object o : objects) {
            retry.call("delete " + o.key(), () -> s3.deleteObject(DeleteObjectRequest.builder()
                    .bucket(bucket).key(o.key()).build()));
        }
    }

    static boolean isData(String key) {
        return !key.endsWith("/") && !key.endsWith("$folder$");
    }

    private ListObjectsV2Response list(S3Location folder, String delimiter, String token) {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder()
                .bucket(folder.bucket())
                .prefix(folder.prefix())
                .maxKeys(PAGE_SIZE)
                .continuationToken(token);
        if (delimiter != null) {
            request.delimiter(delimiter);
        }
        return retry.call("list " + folder, () -> s3.listObjectsV2(request.build()));
    }
}
