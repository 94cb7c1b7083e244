package dev.tributary.trigger.s3;

import static dev.tributary.trigger.s3.S3TestSupport.BUCKET;
import static dev.tributary.trigger.s3.S3TestSupport.head;
import static dev.tributary.trigger.s3.S3TestSupport.keys;
import static dev.tributary.trigger.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.trigger.RecordingSleeper;
import dev.tributary.trigger.config.S3Location;
import dev.tributary.trigger.config.Sse;
import dev.tributary.trigger.run.Backoff;
import dev.tributary.trigger.run.ExitCode;
import dev.tributary.trigger.run.RunFailure;
import dev.tributary.trigger.run.RunId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

class S3StepsTest {

    static final S3Location STREAM = new S3Location(BUCKET, "enriched/stream");
    static final S3Location GOOD = new S3Location(BUCKET, "enriched/good");
    static final S3Location ARCHIVE = new S3Location(BUCKET, "enriched/archive");
    static final S3Location SHREDDED = new S3Location(BUCKET, "shredded/good");
    static final RunId RUN = new RunId("2026-12-01-09-00-00", Instant.parse("2026-12-01T09:00:00Z"));

    static S3Client s3;
    final RecordingSleeper sleeper = new RecordingSleeper();
    S3Retry retry = new S3Retry(Backoff.s3Default(), sleeper);
    S3Folders folders;

    @BeforeAll
    static void startS3() {
        s3 = S3TestSupport.client();
    }

    @AfterAll
    static void closeClient() {
        s3.close();
    }

    @BeforeEach
    void clean() {
        S3TestSupport.clear(s3);
        folders = new S3Folders(s3, retry);
    }

    StagingStreamEnrich staging(Sse sse) {
        return new StagingStreamEnrich(folders, new ObjectMover(s3, retry, sse));
    }

    @Test
    void stagingMovesEveryGzObjectIntoTheRunFolderWithSse() {
        put(s3, "enriched/stream/2026/12/01/08/enriched-0-0-99.gz", "a");
        put(s3, "enriched/stream/2026/12/01/09/enriched-1-0-49.gz", "b");
        put(s3, "enriched/stream/2026/12/01/09/notes.txt", "not data");
        put(s3, "enriched/stream/2026/12/01/09_$folder$", "");

        MoveResult moved = staging(Sse.AES256).run(STREAM, GOOD, RUN, n -> { });

        assertThat(moved.objects()).isEqualTo(2);
        assertThat(keys(s3, "enriched/good/")).containsExactly(
                "enriched/good/run=2026-12-01-09-00-00/2026/12/01/08/enriched-0-0-99.gz",
                "enriched/good/run=2026-12-01-09-00-00/2026/12/01/09/enriched-1-0-49.gz");
        assertThat(keys(s3, "enriched/stream/")).containsExactly("enriched/stream/2026/12/01/09/notes.txt",
                "enriched/stream/2026/12/01/09_$folder$");
        for (String key : keys(s3, "enriched/good/")) {
            assertThat(head(s3, key).serverSideEncryption()).as(key).isEqualTo(ServerSideEncryption.AES256);
        }
    }

    @Test
    void stagingWithKmsSetsTheKeyOnEveryCopy() {
        put(s3, "enriched/stream/2026/12/01/08/enriched-0-0-99.gz", "a");

        staging(Sse.kms(S3TestSupport.KMS_KEY)).run(STREAM, GOOD, RUN, n -> { });

        String key = "enriched/good/run=2026-12-01-09-00-00/2026/12/01/08/enriched-0-0-99.gz";
        assertThat(head(s3, key).serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(head(s3, key).ssekmsKeyId()).isEqualTo(S3TestSupport.KMS_KEY);
    }

    @Test
    void aNonEmptyEnrichedGoodIsAnOngoingRun() {
        put(s3, "enriched/stream/2026/12/01/08/enriched-0-0-99.gz", "a");
        put(s3, "enriched/good/run=2026-11-30-09-00-00/deep/inside/x.gz", "old");

        assertThatThrownBy(() -> staging(Sse.AES256).run(STREAM, GOOD, RUN, n -> { }))
                .isInstanceOfSatisfying(RunFailure.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ONGOING_RUN))
                .hasMessageContaining("enriched.good s3://acme-snowplow/enriched/good/ is not empty");
        assertThat(keys(s3, "enriched/stream/")).containsExactly("enriched/stream/2026/12/01/08/enriched-0-0-99.gz");
    }

    @Test
    void noGzObjectsIsNoData() {
        put(s3, "enriched/stream/2026/12/01/08/", "");
        put(s3, "enriched/stream/2026_$folder$", "");

        assertThatThrownBy(() -> staging(Sse.AES256).run(STREAM, GOOD, RUN, n -> { }))
                .isInstanceOfSatisfying(RunFailure.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NO_DATA));
    }

    @Test
    void folderPlaceholdersInEnrichedGoodDoNotCountAsARun() {
        put(s3, "enriched/good/run=2026-11-30-09-00-00_$folder$", "");
        put(s3, "enriched/good/", "");
        put(s3, "enriched/stream/a.gz", "a");

        assertThat(staging(Sse.AES256).run(STREAM, GOOD, RUN, n -> { }).objects()).isEqualTo(1);
    }

    @Test
    void listingsArePaginatedPastOnePage() {
        IntStream.range(0, S3Folders.PAGE_SIZE + 7).forEach(i -> put(s3, "enriched/stream/p/" + i + ".gz", "x"));
        // The only data object in enriched.good sits after a full page of placeholders: still not empty.
        IntStream.range(0, S3Folders.PAGE_SIZE + 3).forEach(i -> put(s3, "shredded/good/a" + (100 + i) + "/", ""));
        put(s3, "shredded/good/z/x.gz", "x");

        assertThat(folders.objects(STREAM, ".gz")).hasSize(S3Folders.PAGE_SIZE + 7);
        assertThat(folders.isEmpty(SHREDDED)).isFalse();
        List<Integer> progress = new ArrayList<>();
        MoveResult moved = staging(Sse.AES256).run(STREAM, GOOD, RUN, progress::add);
        assertThat(moved.objects()).isEqualTo(S3Folders.PAGE_SIZE + 7);
        assertThat(progress).hasSize(S3Folders.PAGE_SIZE + 7);
        assertThat(keys(s3, "enriched/stream/")).isEmpty();
    }

    @Test
    void anObjectWrittenAfterTheSnapshotStaysForTheNextRun() {
        put(s3, "enriched/stream/2026/12/01/08/early.gz", "a");
        StagingStreamEnrich staging = staging(Sse.AES256);
        List<S3Object> snapshot = staging.snapshot(STREAM, GOOD);
        put(s3, "enriched/stream/2026/12/01/09/late.gz", "b");

        new ObjectMover(s3, retry, Sse.AES256).move(STREAM, snapshot, GOOD.folder(RUN.folderName()), n -> { });

        assertThat(keys(s3, "enriched/stream/")).containsExactly("enriched/stream/2026/12/01/09/late.gz");
        assertThat(keys(s3, "enriched/good/")).containsExactly(
                "enriched/good/run=2026-12-01-09-00-00/2026/12/01/08/early.gz");
    }

    @Test
    void recoverModeFindsTheLatestRunFolderThatHasAtomicEvents() {
        put(s3, "shredded/good/run=2026-11-29-09-00-00/atomic-events/part-0.gz", "x");
        put(s3, "shredded/good/run=2026-11-30-09-00-00/atomic-events/part-0.gz", "x");
        put(s3, "shredded/good/run=2026-12-01-08-00-00/shredded-types/part-0.gz", "x"); // no atomic-events
        put(s3, "shredded/good/run=not-a-run/atomic-events/part-0.gz", "x");

        Optional<RunId> latest = folders.latestRun(SHREDDED, "atomic-events", ZoneOffset.UTC);

        assertThat(latest.map(RunId::value)).contains("2026-11-30-09-00-00");
        assertThat(folders.latestRun(SHREDDED, "", ZoneOffset.UTC).map(RunId::value)).contains("2026-12-01-08-00-00");
        assertThat(folders.latestRun(GOOD, "", ZoneOffset.UTC)).isEmpty();
    }

    @Test
    void archiveMovesTheWholeRunFolderWithSse() {
        put(s3, "enriched/good/run=2026-12-01-09-00-00/2026/12/01/08/a.gz", "a");
        put(s3, "enriched/good/run=2026-12-01-09-00-00/2026/12/01/09/b.gz", "b");
        put(s3, "enriched/good/run=2026-12-01-10-00-00/c.gz", "other run");

        MoveResult moved = new ArchiveRun(folders, new ObjectMover(s3, retry, Sse.AES256)).run(GOOD, ARCHIVE, RUN,
                n -> { });

        assertThat(moved.objects()).isEqualTo(2);
        assertThat(keys(s3, "enriched/archive/")).containsExactly(
                "enriched/archive/run=2026-12-01-09-00-00/2026/12/01/08/a.gz",
                "enriched/archive/run=2026-12-01-09-00-00/2026/12/01/09/b.gz");
        assertThat(keys(s3, "enriched/good/")).containsExactly("enriched/good/run=2026-12-01-10-00-00/c.gz");
        keys(s3, "enriched/archive/").forEach(k -> assertThat(head(s3, k).serverSideEncryption())
                .isEqualTo(ServerSideEncryption.AES256));
    }

    @Test
    void s3InternalErrorIsRetriedThreeTimesThenSurfaces() {
        S3Retry r = new S3Retry(Backoff.s3Default(), sleeper);
        int[] calls = {0};
        String result = r.call("test", () -> {
            if (calls[0]++ < 2) {
                throw internalError();
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(12), Duration.ofSeconds(14));

        calls[0] = 0;
        assertThatThrownBy(() -> r.call("test", () -> {
            calls[0]++;
            throw internalError();
        })).isInstanceOfSatisfying(software.amazon.awssdk.services.s3.model.S3Exception.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError"));
        assertThat(calls[0]).isEqualTo(4);
    }

    @Test
    void otherS3ErrorsAreNotRetried() {
        int[] calls = {0};
        assertThatThrownBy(() -> retry.call("test", () -> {
            calls[0]++;
            return s3.headObject(b -> b.bucket(BUCKET).key("missing"));
        })).isInstanceOf(software.amazon.awssdk.services.s3.model.NoSuchKeyException.class);
        assertThat(calls[0]).isEqualTo(1);
    }

    private static software.amazon.awssdk.services.s3.model.S3Exception internalError() {
        return (software.amazon.awssdk.services.s3.model.S3Exception) software.amazon.awssdk.services.s3.model
                .S3Exception.builder().statusCode(500)
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .errorCode("InternalError").errorMessage("We encountered an internal error").build())
                .build();
    }
}
