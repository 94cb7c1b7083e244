package dev.tributary.trigger.s3;

import dev.tributary.trigger.config.S3Location;
import dev.tributary.trigger.run.RunId;
import java.util.function.IntConsumer;

/** {@code archive_enriched} / {@code archive_shredded}: move one {@code run=} folder, every object, to the archive. */
public final class ArchiveRun {

    private final S3Folders folders;
    private final ObjectMover mover;

    public ArchiveRun(S3Folders folders, ObjectMover mover) {
        this.folders = folders;
        this.mover = mover;
    }

    public MoveResult run(S3Location good, S3Location archive, RunId runId, IntConsumer progress) {
        S3Location from = good.folder(runId.folderName());
        return mover.move(from, folders.objects(from, ""), archive.folder(runId.folderName()), progress);
    }
}
