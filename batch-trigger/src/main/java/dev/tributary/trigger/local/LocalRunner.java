package dev.tributary.trigger.local;

import dev.tributary.trigger.JobRunner;
import dev.tributary.trigger.PreparedRun;
import dev.tributary.trigger.RunContext;
import dev.tributary.trigger.RunResult;
import dev.tributary.trigger.config.StorageTarget;
import dev.tributary.trigger.config.TriggerConfig;
import dev.tributary.trigger.plan.ArchiveMode;
import dev.tributary.trigger.plan.StepPlan;
import dev.tributary.trigger.run.ExitCode;
import dev.tributary.trigger.run.Progress;
import dev.tributary.trigger.run.RunFailure;
import dev.tributary.trigger.run.RunId;
import dev.tributary.trigger.run.StepReport;
import dev.tributary.trigger.s3.ArchiveRun;
import dev.tributary.trigger.s3.MoveResult;
import dev.tributary.trigger.s3.ObjectMover;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The same plan on this machine: S3 moves through the SDK (server-side copies with the configured SSE), the shredder
 * and the loader through {@link ShredJob} and {@link LoadJob}. Steps run in EMR's order; the first failure stops the
 * run with a report of the steps so far.
 */
public final class LocalRunner implements JobRunner {

    private final ObjectMover mover;
    private final ArchiveRun archive;
    private final ShredJob shredder;
    private final LoadJob loader;
    private final Progress progress;

    public LocalRunner(ObjectMover mover, ArchiveRun archive, ShredJob shredder, LoadJob loader, Progress progress) {
        this.mover = mover;
        this.archive = archive;
        this.shredder = shredder;
        this.loader = loader;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public RunResult run(PreparedRun prepared) throws InterruptedException {
        RunContext ctx = prepared.context();
        StepPlan plan = ctx.plan();
        TriggerConfig.Buckets b = ctx.config().aws().s3().buckets();
        RunId run = ctx.runId();
        List<String> names = plan.activeSteps();
        Steps steps = new Steps(names.size());

        if (plan.stagingStreamEnrich()) {
            int total = prepared.stagingSnapshot().size();
            steps.run("staging_stream_enrich", counts -> {
                MoveResult moved = mover.move(b.enriched().stream(), prepared.stagingSnapshot(),
                        b.enriched().good().folder(run.folderName()), n -> {
                            if (n == total || n % 100 == 0) {
                                progress.line("staging_stream_enrich: moved " + n + "/" + total + " objects");
                            }
                        });
                counts.put("objectsStaged", (long) moved.objects());
                counts.put("bytesStaged", moved.bytes());
            });
        }
        // The shredded run keeps the enriched run's id. Resumed from shred, that is the enriched run being
        // recovered, so a shred killed half-way (it writes straight to S3 here, not to HDFS as on EMR) left its
        // incomplete folder under that same id, and the shredder deletes it and starts again.
        RunId shredRun = plan.stagingStreamEnrich() ? run : prepared.recoveredEnrichedRun().orElse(run);
        if (plan.shred()) {
            String input = (plan.stagingStreamEnrich() || prepared.recoveredEnrichedRun().isPresent()
                    ? b.enriched().good().folder(shredRun.folderName()) : b.enriched().good()).s3aUrl();
            // The shredder's --output/--bad-output are the roots: it writes <root>/run=<run-id>/.
            ShredRequest request = new ShredRequest(input, b.shredded().good().s3aUrl(), b.shredded().bad().s3aUrl(),
                    ctx.resolverJson(), ctx.config().aws().s3().sse(), shredRun.value());
            steps.run("shred", counts -> shredder.shred(request));
        }
        if (plan.rdbLoad()) {
            RunId loadRun = plan.shred() ? shredRun : prepared.recoveredShreddedRun().orElseThrow();
            steps.run("rdb_load", counts -> {
                for (StorageTarget target : ctx.loadTargets()) {
                    progress.line("rdb_load: loading " + loadRun.folderName() + " into " + target.name());
                    loader.load(new LoadRequest(b.shredded().good().folder(loadRun.folderName()).url(),
                            target.name(), target.json(), ctx.resolverJson(),
                            plan.vacuum() ? List.of("vacuum") : List.of(),
                            plan.analyze() ? List.of() : List.of("analyze")));
                }
                counts.put("targetsLoaded", (long) ctx.loadTargets().size());
            });
        }
        if (plan.archiveEnriched() != ArchiveMode.SKIP) {
            RunId archived = plan.archiveEnriched() == ArchiveMode.PIPELINE ? run
                    : prepared.recoveredEnrichedRun().orElseThrow();
            steps.run("archive_enriched", counts -> counts.put("objectsArchivedEnriched", (long) archive.run(
                    b.enriched().good(), b.enriched().archive(), archived, n -> { }).objects()));
        }
        if (plan.archiveShredded() != ArchiveMode.SKIP) {
            RunId archived = plan.archiveShredded() == ArchiveMode.PIPELINE ? shredRun
                    : prepared.recoveredShreddedRun().orElseThrow();
            steps.run("archive_shredded", counts -> counts.put("objectsArchivedShredded", (long) archive.run(
                    b.shredded().good(), b.shredded().archive(), archived, n -> { }).objects()));
        }
        return new RunResult(steps.reports, steps.counts, Optional.empty());
    }

    @FunctionalInterface
    private interface StepBody {
        void run(Map<String, Long> counts) throws InterruptedException;
    }

    /** Runs steps in order, timing each and printing "step i/n". */
    private final class Steps {
        final List<StepReport> reports = new ArrayList<>();
        final Map<String, Long> counts = new LinkedHashMap<>();
        final int total;

        Steps(int total) {
            this.total = total;
        }

        void run(String name, StepBody body) throws InterruptedException {
            progress.line("step " + (reports.size() + 1) + "/" + total + ": " + name);
            progress.listener().stepStarted(reports.size() + 1, total, name);
            Instant start = progress.clock().instant();
            try {
                body.run(counts);
            } catch (RuntimeException e) {
                reports.add(new StepReport(name, "FAILED", since(start), Optional.ofNullable(e.getMessage())));
                progress.listener().stepFinished(name, "FAILED");
                throw new LocalStepFailed(name, reports, e);
            }
            reports.add(new StepReport(name, "COMPLETED", since(start), Optional.empty()));
            progress.listener().stepFinished(name, "COMPLETED");
            progress.line("step " + reports.size() + "/" + total + ": " + name + " done in "
                    + dev.tributary.trigger.run.Durations.format(since(start)));
        }

        private Duration since(Instant start) {
            return Duration.between(start, progress.clock().instant());
        }
    }

    /** A local step failed (exit 1, lock kept); the message lists the steps run so far. */
    public static final class LocalStepFailed extends RunFailure {
        private final List<StepReport> steps;

        LocalStepFailed(String step, List<StepReport> steps, RuntimeException cause) {
            super(ExitCode.FAILURE, "local run failed at " + step + ": " + cause.getMessage() + "\n  "
                    + String.join("\n  ", steps.stream().map(StepReport::describe).toList()), cause);
            this.steps = List.copyOf(steps);
        }

        public List<StepReport> steps() {
            return steps;
        }
    }
}
