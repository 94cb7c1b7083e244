package dev.tributary.trigger.emr;

import dev.tributary.trigger.run.ExitCode;
import dev.tributary.trigger.run.Progress;
import dev.tributary.trigger.run.RunFailure;
import dev.tributary.trigger.run.Sleeper;
import dev.tributary.trigger.run.StepReport;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;
import software.amazon.awssdk.services.emr.model.StepConfig;
import software.amazon.awssdk.services.emr.model.StepState;
import software.amazon.awssdk.services.emr.model.StepSummary;

/**
 * Runs the job on a transient EMR cluster: RunJobFlow with every step, poll until the steps are done, terminate the
 * cluster. A cluster that died bootstrapping (every step CANCELLED and a bootstrap reason on the cluster) is
 * relaunched up to {@code aws.emr.bootstrap_failure_tries} times; any other FAILED or CANCELLED step fails the run
 * with a report of every step, and the caller keeps the lock.
 */
public final class EmrRunner implements EmrJob {

    private final EmrClient emr;
    private final EmrRetry retry;
    private final EmrClusters clusters;
    private final ClusterLauncher launcher;
    private final EmrStepWatcher watcher;
    private final Sleeper sleeper;
    private final Supplier<Duration> relaunchDelay;
    private final Progress progress;

    /** {@code relaunchDelay}: EmrEtlRunner slept a random 1–600 s before relaunching, to spread retries out. */
    public EmrRunner(EmrClient emr, EmrRetry retry, EmrStepWatcher watcher, Sleeper sleeper,
                     Supplier<Duration> relaunchDelay, Progress progress) {
        this.emr = emr;
        this.retry = retry;
        this.clusters = new EmrClusters(emr, retry);
        this.launcher = new ClusterLauncher(emr, retry, clusters, progress.clock());
        this.watcher = watcher;
        this.sleeper = sleeper;
        this.relaunchDelay = relaunchDelay;
        this.progress = progress;
    }

    @Override
    public EmrOutcome run(EmrRunInputs inputs) throws InterruptedException {
        int tries = inputs.config().aws().emr().bootstrapFailureTries();
        for (int attempt = 1; ; attempt++) {
            List<StepConfig> steps = EmrSteps.build(inputs);
            RunJobFlowRequest request = EmrClusterRequest.build(inputs.config(), steps);
            String clusterId = launcher.launch(request, inputs.runId().value() + "/" + attempt);
            progress.line("EMR cluster " + clusterId + " launched (attempt " + attempt + "/" + tries + ") with "
                    + steps.size() + " steps: " + steps.stream().map(StepConfig::name)
                    .collect(Collectors.joining(", ")));
            List<StepSummary> finished;
            boolean bootstrapFailed;
            try {
                finished = watcher.waitFor(clusterId);
                bootstrapFailed = allCancelled(finished) && clusters.bootstrapFailed(clusterId);
            } finally {
                clusters.terminate(clusterId);
            }
            List<StepReport> reports = EmrStepWatcher.reports(finished, progress.clock().instant());
            if (finished.stream().allMatch(s -> s.status().state() == StepState.COMPLETED)) {
                return new EmrOutcome(clusterId, attempt, reports);
            }
            if (bootstrapFailed && attempt < tries) {
                Duration wait = relaunchDelay.get();
                progress.line("EMR cluster " + clusterId + " failed to bootstrap; relaunching in "
                        + EmrStepWatcher.format(wait) + " (attempt " + (attempt + 1) + "/" + tries + ")");
                sleeper.sleep(wait);
                continue;
            }
            throw new EmrJobFailed(clusterId, reports, bootstrapFailed);
        }
    }

    static boolean allCancelled(List<StepSummary> steps) {
        return !steps.isEmpty() && steps.stream().allMatch(s -> s.status().state() == StepState.CANCELLED);
    }

    /** A failed EMR job (exit 1): the message lists every step with its state and time, as EmrEtlRunner did. */
    public static final class EmrJobFailed extends RunFailure {
        private final List<StepReport> steps;

        EmrJobFailed(String clusterId, List<StepReport> steps, boolean bootstrap) {
            this(clusterId, bootstrap ? " to bootstrap (no relaunch left)" : "", steps);
        }

        /** {@code why}: what follows "failed" in the headline. */
        EmrJobFailed(String clusterId, String why, List<StepReport> steps) {
            super(ExitCode.FAILURE, "EMR job on cluster " + clusterId + " failed" + why
                    + ". Data files not archived.\n  "
                    + steps.stream().map(StepReport::describe).collect(Collectors.joining("\n  ")));
            this.steps = List.copyOf(steps);
        }

        public List<StepReport> steps() {
            return steps;
        }
    }
}
