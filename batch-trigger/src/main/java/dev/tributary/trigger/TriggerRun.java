package dev.tributary.trigger;

import dev.tributary.trigger.emr.EmrRunner;
import dev.tributary.trigger.local.LocalRunner;
import dev.tributary.trigger.lock.LockException;
import dev.tributary.trigger.lock.LockHeldException;
import dev.tributary.trigger.lock.RunLock;
import dev.tributary.trigger.run.ExitCode;
import dev.tributary.trigger.run.Progress;
import dev.tributary.trigger.run.RunFailure;
import dev.tributary.trigger.run.RunSummary;
import dev.tributary.trigger.run.StepReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run from lock to summary: take the lock (exit 17 if held, before touching S3), check the preconditions, run,
 * then remove the lock after success and after the no-op exits (3, 4, 18) but keep it after a failure, so nothing
 * reruns over partial state until someone has looked (Guarantee 5, spec E.5).
 */
public final class TriggerRun {

    private static final Logger LOG = LoggerFactory.getLogger(TriggerRun.class);

    private final RunLock lock;
    private final boolean ignoreLockOnStart;
    private final Preconditions preconditions;
    private final JobRunner runner;
    private final Progress progress;
    private final PrintStream summaryOut;

    public TriggerRun(RunLock lock, boolean ignoreLockOnStart, Preconditions preconditions, JobRunner runner,
                      Progress progress, PrintStream summaryOut) {
        this.lock = lock;
        this.ignoreLockOnStart = ignoreLockOnStart;
        this.preconditions = preconditions;
        this.runner = runner;
        this.progress = progress;
        this.summaryOut = summaryOut;
    }

    public ExitCode execute(RunContext ctx) throws InterruptedException {
        try {
            if (ignoreLockOnStart) {
                lock.acquireIgnoringHolder();
            } else {
                lock.acquire();
            }
        } catch (LockHeldException e) {
            return finish(ctx, ExitCode.LOCK_HELD, e.getMessage(), List.of(), Map.of(), Optional.empty(), false);
        } catch (LockException e) {
            return finish(ctx, ExitCode.FAILURE, e.getMessage(), List.of(), Map.of(), Optional.empty(), false);
        }
        progress.line("run " + ctx.runId() + " on " + runner.name() + " (" + lock.describe() + "): "
                + String.join(" -> ", ctx.plan().activeSteps()));
        try {
            PreparedRun prepared = preconditions.check(ctx);
            if (!prepared.interruptedShred().isEmpty()) {
                progress.line("shred: deleting the " + prepared.interruptedShred().size() + " objects an interrupted "
                        + "shred of this run left in shredded.good (no shredding_complete.json)");
                preconditions.removeInterruptedShred(prepared);
            }
            progress.listener().runStarted(ctx.runId().value(), runner.name(), ctx.plan().activeSteps());
            RunResult result = runner.run(prepared);
            return finish(ctx, ExitCode.SUCCESS, null, result.steps(), result.counts(), result.clusterId(),
                    releaseLock());
        } catch (RunFailure e) {
            boolean released = e.exitCode().releasesLock() && releaseLock();
            return finish(ctx, e.exitCode(), e.getMessage(), stepsOf(e), Map.of(), Optional.empty(), released);
        } catch (RuntimeException e) {
            LOG.error("run {} failed", ctx.runId(), e);
            return finish(ctx, ExitCode.FAILURE, e.toString(), List.of(), Map.of(), Optional.empty(), false);
        }
    }

    private static List<StepReport> stepsOf(RunFailure e) {
        if (e instanceof EmrRunner.EmrJobFailed f) {
            return f.steps();
        }
        if (e instanceof LocalRunner.LocalStepFailed f) {
            return f.steps();
        }
        return List.of();
    }

    private boolean releaseLock() {
        try {
            lock.release();
            return true;
        } catch (LockException e) {
            LOG.error("could not release {}: remove it by hand", lock.describe(), e);
            return false;
        }
    }

    private ExitCode finish(RunContext ctx, ExitCode code, String message, List<StepReport> steps,
                            Map<String, Long> counts, Optional<String> clusterId, boolean released) {
        if (message != null) {
            progress.line((code == ExitCode.FAILURE ? "FAILED: " : "stopped (exit " + code.code() + "): ") + message);
        }
        if (code == ExitCode.FAILURE) {
            progress.line("the lock is kept (" + lock.describe() + "): inspect the run, clean up, remove the lock, "
                    + "then resume with --resume-from or --skip");
        }
        RunSummary summary = new RunSummary(ctx.runId().value(), runner.name(), code, Optional.ofNullable(message),
                steps, counts, clusterId, progress.elapsed(), released);
        summaryOut.println(summary.toJson());
        summaryOut.flush();
        progress.listener().runFinished(code, steps);
        return code;
    }
}
