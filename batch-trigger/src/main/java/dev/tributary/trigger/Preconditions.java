package dev.tributary.trigger;

import dev.tributary.trigger.config.TriggerConfig;
import dev.tributary.trigger.plan.ArchiveMode;
import dev.tributary.trigger.plan.StepPlan;
import dev.tributary.trigger.run.ExitCode;
import dev.tributary.trigger.run.RunFailure;
import dev.tributary.trigger.run.RunId;
import dev.tributary.trigger.s3.S3Folders;
import dev.tributary.trigger.s3.StagingStreamEnrich;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 checks EmrEtlRunner made before launching anything (spec E.4), shared by both runners so that the EMR
 * runner never starts a cluster for a run that would stop with exit 3 or 4.
 */
public final class Preconditions {

    private final S3Folders folders;
    private final StagingStreamEnrich staging;
    private final ZoneId zone;

    public Preconditions(S3Folders folders, StagingStreamEnrich staging, ZoneId zone) {
        this.folders = folders;
        this.staging = staging;
        this.zone = zone;
    }

    public PreparedRun check(RunContext ctx) {
        StepPlan plan = ctx.plan();
        TriggerConfig.Buckets b = ctx.config().aws().s3().buckets();
        if (plan.elasticsearch()) {
            throw new RunFailure(ExitCode.FAILURE, "elastic_config (FAILED_EVENTS) targets are not supported by "
                    + "Tributary; remove them from the targets directory or run with --skip elasticsearch");
        }
        List<S3Object> snapshot = plan.stagingStreamEnrich()
                ? staging.snapshot(b.enriched().stream(), b.enriched().good()) : List.of();
        List<S3Object> interruptedShred = List.of();
        if (plan.shred() && !folders.isEmpty(b.shredded().good())) {
            interruptedShred = interruptedShredOnly(plan, b, zone);
            if (interruptedShred.isEmpty()) {
                throw RunFailure.directoryNotEmpty("shredded.good " + b.shredded().good() + " is not empty: a "
                        + "previous run is ongoing or was interrupted (resume it with --resume-from rdb_load, or "
                        + "archive it)");
            }
        }
        if (plan.shred() && !plan.stagingStreamEnrich() && folders.isEmpty(b.enriched().good())) {
            throw RunFailure.noData("shred: enriched.good " + b.enriched().good() + " is empty, nothing to shred");
        }
        Optional<RunId> enrichedRun = Optional.empty();
        if (plan.archiveEnriched() == ArchiveMode.RECOVER || (plan.shred() && !plan.stagingStreamEnrich())) {
            enrichedRun = folders.latestRun(b.enriched().good(), "", zone);
            if (enrichedRun.isEmpty()) {
                throw RunFailure.noData((plan.shred() ? "shred" : "archive_enriched") + " (recover): no run= "
                        + "folder in enriched.good "
                        + b.enriched().good());
            }
        }
        Optional<RunId> shreddedRun = Optional.empty();
        boolean needsShreddedRun = plan.archiveShredded() == ArchiveMode.RECOVER || (plan.rdbLoad() && !plan.shred());
        if (needsShreddedRun) {
            shreddedRun = folders.latestRun(b.shredded().good(), "atomic-events", zone);
            if (shreddedRun.isEmpty()) {
                throw RunFailure.noData("no run= folder with atomic-events in shredded.good " + b.shredded().good()
                        + " to " + (plan.rdbLoad() && !plan.shred() ? "load" : "archive"));
            }
        }
        return new PreparedRun(ctx, snapshot, enrichedRun, shreddedRun, interruptedShred);
    }

    /**
     * Deletes what an interrupted shred left in {@code shredded.good/run=<id>/} before the run shreds that id again.
     * The local shredder would replace the folder itself, but on EMR S3DistCp copies the new part files beside the
     * old ones (Spark names them per job), so without this a resumed run would load the first attempt's rows too.
     */
    public void removeInterruptedShred(PreparedRun prepared) {
        folders.delete(prepared.interruptedShred(),
                prepared.context().config().aws().s3().buckets().shredded().good().bucket());
    }

    /**
     * Resuming from shred, shredded.good may hold exactly one thing: the folder of the enriched run being resumed,
     * without {@code shredding_complete.json}, which is what a shred killed while writing to S3 leaves (the local
     * shredder writes there directly; on EMR, a cluster lost during the copy back from HDFS). Returns those objects,
     * or nothing when shredded.good holds anything else.
     */
    private List<S3Object> interruptedShredOnly(StepPlan plan, TriggerConfig.Buckets b, ZoneId zone) {
        if (plan.stagingStreamEnrich()) {
            return List.of();
        }
        Optional<RunId> resumed = folders.latestRun(b.enriched().good(), "", zone);
        if (resumed.isEmpty()) {
            return List.of();
        }
        String runPrefix = b.shredded().good().folder(resumed.get().folderName()).prefix();
        List<S3Object> leftovers = folders.objects(b.shredded().good(), "");
        boolean interrupted = leftovers.stream().allMatch(o -> o.key().startsWith(runPrefix))
                && leftovers.stream().noneMatch(o -> o.key().equals(runPrefix + "shredding_complete.json"));
        return interrupted ? leftovers : List.of();
    }
}
