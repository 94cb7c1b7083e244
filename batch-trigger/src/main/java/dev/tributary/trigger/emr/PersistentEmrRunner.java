package dev.tributary.trigger.emr;

import dev.tributary.trigger.config.TriggerConfig;
import dev.tributary.trigger.run.Durations;
import dev.tributary.trigger.run.ExitCode;
import dev.tributary.trigger.run.Progress;
import dev.tributary.trigger.run.RunFailure;
import dev.tributary.trigger.run.Sleeper;
import dev.tributary.trigger.run.StepReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.ActionOnFailure;
import software.amazon.awssdk.services.emr.model.AddJobFlowStepsRequest;
import software.amazon.awssdk.services.emr.model.Cluster;
import software.amazon.awssdk.services.emr.model.ListStepsRequest;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;
import software.amazon.awssdk.services.emr.model.StepConfig;
import software.amazon.awssdk.services.emr.model.StepState;
import software.amazon.awssdk.services.emr.model.StepSummary;

/**
 * EmrEtlRunner's persistent job flow mode (spec E.6). The cluster named {@code job_name} is reused when WAITING
 * (AddJobFlowSteps: the HDFS cleanup of step 0, then the plan's steps) or launched to stay up when there is none
 * (RunJobFlow with KeepJobFlowAliveWhenNoSteps). Every step is CANCEL_AND_WAIT, so a failure cancels the rest of the
 * run and leaves the cluster WAITING; a FAILED step that is retry_on_fail is resubmitted with every step after it,
 * at most {@value #MAX_RESUBMISSIONS} times. Only this run's steps are watched. At the end, success or not, the
 * cluster is terminated once it is older than {@code --persistent-jobflow-duration}, otherwise left for the next run.
 */
public final class PersistentEmrRunner implements EmrJob {

    private static final Logger LOG = LoggerFactory.getLogger(PersistentEmrRunner.class);
    static final int MAX_RESUBMISSIONS = 3;

    private final EmrClient emr;
    private final EmrRetry retry;
    private final EmrClusters clusters;
    private final ClusterLauncher launcher;
    private final PersistentClusterFinder finder;
    private final EmrStepWatcher watcher;
    private final Sleeper sleeper;
    private final Supplier<Duration> relaunchDelay;
    private final Progress progress;
    private final PersistentJobflow mode;

    public PersistentEmrRunner(EmrClient emr, EmrRetry retry, EmrStepWatcher watcher, Sleeper sleeper,
                               Supplier<Duration> relaunchDelay, Progress progress, PersistentJobflow mode) {
        this.emr = emr;
        this.retry = retry;
        this.clusters = new EmrClusters(emr, retry);
        this.finder = new PersistentClusterFinder(clusters);
        this.launcher = new ClusterLauncher(emr, retry, clusters, progress.clock());
        this.watcher = watcher;
        this.sleeper = sleeper;
        this.relaunchDelay = relaunchDelay;
        this.progress = progress;
        this.mode = mode;
    }

    @Override
    public EmrOutcome run(EmrRunInputs inputs) throws InterruptedException {
        String name = inputs.config().aws().emr().jobflow().jobName();
        Optional<String> waiting = finder.find(name);
        if (waiting.isPresent()) {
            String clusterId = waiting.get();
            List<EmrStep> steps = new ArrayList<>(EmrSteps.cleanup());
            steps.addAll(EmrSteps.planned(inputs));
            progress.line("EMR cluster " + clusterId + " (\"" + name + "\") is WAITING: reusing it");
            try {
                List<String> ids = submit(clusterId, steps);
                return complete(clusterId, 0, steps, watcher.waitFor(clusterId, ids));
            } finally {
                retireIfExpired(clusterId);
            }
        }
        return launchAndComplete(inputs, EmrSteps.planned(inputs));
    }

    /** No cluster up: launch one that stays up; a cluster that dies bootstrapping is relaunched, as in transient mode. */
    private EmrOutcome launchAndComplete(EmrRunInputs inputs, List<EmrStep> steps) throws InterruptedException {
        TriggerConfig config = inputs.config();
        int tries = config.aws().emr().bootstrapFailureTries();
        for (int attempt = 1; ; attempt++) {
            RunJobFlowRequest request = EmrClusterRequest.build(config, persistent(steps), true);
            String clusterId = launcher.launch(request, inputs.runId().value() + "/" + attempt);
            progress.line("EMR cluster " + clusterId + " launched to persist (attempt " + attempt + "/" + tries
                    + ") with " + steps.size() + " steps: " + names(steps));
            boolean bootstrapFailed = false;
            try {
                // A new cluster holds only this run's steps.
                List<StepSummary> finished = watcher.waitFor(clusterId);
                bootstrapFailed = EmrRunner.allCancelled(finished) && clusters.bootstrapFailed(clusterId);
                if (!bootstrapFailed) {
                    return complete(clusterId, attempt, steps, finished);
                }
                if (attempt >= tries) {
                    throw new EmrRunner.EmrJobFailed(clusterId, EmrStepWatcher.reports(finished, now()), true);
                }
            } finally {
                if (bootstrapFailed) {
                    clusters.terminate(clusterId); // it never came up: of no use to a later run
                } else {
                    retireIfExpired(clusterId);
                }
            }
            Duration wait = relaunchDelay.get();
            progress.line("EMR cluster " + clusterId + " failed to bootstrap; relaunching in "
                    + Durations.format(wait) + " (attempt " + (attempt + 1) + "/" + tries + ")");
            sleeper.sleep(wait);
        }
    }

    /**
     * From the first submission's outcome to the end: the first step that did not complete decides. FAILED and
     * retry_on_fail: resubmit it and everything after it (at most {@value #MAX_RESUBMISSIONS} times); anything else
     * fails the run (exit 1, lock kept) with the latest state of every step.
     */
    private EmrOutcome complete(String clusterId, int launches, List<EmrStep> steps, List<StepSummary> firstBatch)
            throws InterruptedException {
        StepSummary[] latest = new StepSummary[steps.size()];
        int from = 0;
        List<StepSummary> batch = firstBatch;
        for (int resubmissions = 0; ; resubmissions++) {
            if (batch.size() != steps.size() - from) {
                throw new RunFailure(ExitCode.FAILURE, "EMR cluster " + clusterId + " lists " + batch.size()
                        + " steps for this run, " + (steps.size() - from) + " were submitted");
            }
            for (int i = 0; i < batch.size(); i++) {
                latest[from + i] = batch.get(i);
            }
            int failed = firstNotCompleted(latest, from);
            if (failed < 0) {
                return new EmrOutcome(clusterId, launches, resubmissions, reports(latest));
            }
            StepSummary step = latest[failed];
            boolean retryable = step.status().state() == StepState.FAILED && steps.get(failed).retryOnFail();
            if (!retryable) {
                throw new EmrRunner.EmrJobFailed(clusterId, "", reports(latest));
            }
            if (resubmissions == MAX_RESUBMISSIONS) {
                throw new EmrRunner.EmrJobFailed(clusterId, ": " + step.name() + " failed "
                        + (MAX_RESUBMISSIONS + 1) + " times (resubmitted " + MAX_RESUBMISSIONS + " times)",
                        reports(latest));
            }
            progress.line("EMR " + clusterId + ": " + step.name() + " FAILED; resubmitting it and the "
                    + (steps.size() - failed - 1) + " steps after it (resubmission " + (resubmissions + 1) + "/"
                    + MAX_RESUBMISSIONS + ")");
            from = failed;
            List<String> ids = submit(clusterId, steps.subList(from, steps.size()));
            batch = watcher.waitFor(clusterId, ids);
        }
    }

    private static int firstNotCompleted(StepSummary[] latest, int from) {
        for (int i = from; i < latest.length; i++) {
            if (latest[i].status().state() != StepState.COMPLETED) {
                return i;
            }
        }
        return -1;
    }

    /**
     * AddJobFlowSteps once: a retry after a lost answer would queue the run twice (the copy would then fail on an
     * emptied source, after loading). The cluster is WAITING and we hold the lock, so steps that appear after the
     * ones listed before the call, with our names in our order, are ours.
     */
    private List<String> submit(String clusterId, List<EmrStep> steps) {
        List<StepConfig> configs = persistent(steps);
        Set<String> before = newestSteps(clusterId).stream().map(StepSummary::id).collect(Collectors.toSet());
        List<String> ids = retry.callOnce("AddJobFlowSteps", () -> emr.addJobFlowSteps(AddJobFlowStepsRequest.builder()
                .jobFlowId(clusterId).steps(configs).build()).stepIds(), () -> added(clusterId, before, configs));
        progress.line("EMR cluster " + clusterId + ": added " + steps.size() + " steps: " + names(steps));
        return ids;
    }

    private Optional<List<String>> added(String clusterId, Set<String> before, List<StepConfig> configs) {
        List<StepSummary> fresh = new ArrayList<>(newestSteps(clusterId).stream()
                .filter(s -> !before.contains(s.id())).toList());
        Collections.reverse(fresh); // listed newest first
        List<String> names = fresh.stream().map(StepSummary::name).toList();
        return names.equals(configs.stream().map(StepConfig::name).toList())
                ? Optional.of(fresh.stream().map(StepSummary::id).toList()) : Optional.empty();
    }

    /** The first page of ListSteps: the newest steps (up to 50), newest first. */
    private List<StepSummary> newestSteps(String clusterId) {
        return retry.call("ListSteps", () -> emr.listSteps(ListStepsRequest.builder().clusterId(clusterId).build()))
                .steps();
    }

    /** On a persistent cluster a failed step must cancel the rest of the run, not the cluster. */
    private static List<StepConfig> persistent(List<EmrStep> steps) {
        return steps.stream().map(s -> s.withActionOnFailure(ActionOnFailure.CANCEL_AND_WAIT)).toList();
    }

    /** Terminates the cluster once it is older than the duration; never throws (the run's outcome comes first). */
    private void retireIfExpired(String clusterId) {
        if (mode.maxAge().isEmpty()) {
            progress.line("EMR cluster " + clusterId + " is left up for the next run (no "
                    + JobflowDuration.OPTION + ")");
            return;
        }
        Duration maxAge = mode.maxAge().get();
        try {
            Cluster cluster = clusters.describe(clusterId);
            Instant created = cluster.status() == null || cluster.status().timeline() == null
                    ? null : cluster.status().timeline().creationDateTime();
            if (created == null) {
                LOG.warn("EMR cluster {} has no creation time: it is left up", clusterId);
                return;
            }
            Instant now = now();
            String age = Durations.format(Duration.between(created, now));
            if (mode.expired(created, now)) {
                progress.line("EMR cluster " + clusterId + " is " + age + " old, older than "
                        + Durations.format(maxAge) + ": terminating it");
                clusters.terminate(clusterId);
            } else {
                progress.line("EMR cluster " + clusterId + " is " + age + " old (terminated after "
                        + Durations.format(maxAge) + "): left WAITING for the next run");
            }
        } catch (RuntimeException e) {
            LOG.error("could not tell the age of EMR cluster {}: it is left up, terminate it by hand if needed",
                    clusterId, e);
        }
    }

    private List<StepReport> reports(StepSummary[] latest) {
        return EmrStepWatcher.reports(Arrays.asList(latest), now());
    }

    private Instant now() {
        return progress.clock().instant();
    }

    private static String names(List<EmrStep> steps) {
        return steps.stream().map(EmrStep::name).collect(Collectors.joining(", "));
    }
}
