package dev.tributary.trigger.s3;

import dev.tributary.trigger.config.S3Location;
import dev.tributary.trigger.run.RunFailure;
import dev.tributary.trigger.run.RunId;
import java.util.List;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code staging_stream_enrich}: moves the s3-loader's {@code .gz} objects from {@code enriched.stream} into
 * {@code enriched.good/run=<id>/}.
 *
 * <p>The run is defined by one listing snapshot taken before anything moves: only objects in it are moved. The
 * s3-loader writes each object with a single PUT (or a completed multipart upload), and S3 shows an object only
 * once it is complete, so nothing half-written is ever listed. An object that appears after the snapshot stays in
 * {@code enriched.stream} and goes to the next run.
 */
public final class StagingStreamEnrich {

    private final S3Folders folders;
    private final ObjectMover mover;

    public StagingStreamEnrich(S3Folders folders, ObjectMover mover) {
        this.folders = folders;
        this.mover = mover;
    }

    /** The preconditions (exit 4 when enriched.good holds anything, exit 3 when there is nothing to stage). */
    public List<S3Object> snapshot(S3Location stream, S3Location good) {
        if (!folders.isEmpty(good)) {
            throw RunFailure.directoryNotEmpty("enriched.good " + good + " is not empty: a previous run is ongoing "
                    + "or was interrupted (resume it with --resume-from shred, or archive it)");
        }
        List<S3Object> objects = folders.objects(stream, ".gz");
        if (objects.isEmpty()) {
            throw RunFailure.noData("no .gz objects under enriched.stream " + stream + ": nothing to process");
        }
        return objects;
    }

    public MoveResult run(S3Location stream, S3Location good, RunId runId, IntConsumer progress) {
        List<S3Object> objects = snapshot(stream, good);
        return mover.move(stream, objects, good.folder(runId.folderName()), progress);
    }
}
