package dev.tributary.trigger.emr;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.Cluster;
import software.amazon.awssdk.services.emr.model.ClusterSummary;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;
import software.amazon.awssdk.services.emr.model.Tag;

/**
 * Launches one cluster per call, even when RunJobFlow's answer is lost. RunJobFlow has no idempotency token, and a
 * blind retry after a timeout or a 5xx can start a second cluster that stages and shreds the same files (the lost one
 * is never terminated by us either). So each launch carries a tag naming it, and before a retry the live clusters
 * with the job's name are searched for that tag: a cluster found is the one the failed call started.
 */
final class ClusterLauncher {

    /** Tag on every cluster the trigger launches: {@code <run id>/<attempt>}. */
    static final String LAUNCH_TAG = "tributary:launch";
    /** How far before the call a found cluster may have been created (clock skew between us and EMR). */
    static final Duration SKEW = Duration.ofMinutes(5);

    private final EmrClient emr;
    private final EmrRetry retry;
    private final EmrClusters clusters;
    private final Clock clock;

    ClusterLauncher(EmrClient emr, EmrRetry retry, EmrClusters clusters, Clock clock) {
        this.emr = emr;
        this.retry = retry;
        this.clusters = clusters;
        this.clock = clock;
    }

    /**
     * Launches the cluster and answers its id.
     *
     * @param launch unique per launch: the run id and the attempt (a relaunch after a bootstrap failure is another)
     */
    String launch(RunJobFlowRequest request, String launch) {
        List<Tag> tags = new ArrayList<>(request.tags());
        tags.add(Tag.builder().key(LAUNCH_TAG).value(launch).build());
        RunJobFlowRequest tagged = request.toBuilder().tags(tags).build();
        Instant since = clock.instant().minus(SKEW);
        return retry.callOnce("RunJobFlow", () -> emr.runJobFlow(tagged).jobFlowId(),
                () -> launched(request.name(), launch, since));
    }

    private Optional<String> launched(String name, String launch, Instant since) {
        for (ClusterSummary summary : clusters.live(Optional.of(since))) {
            if (!name.equals(summary.name())) {
                continue;
            }
            Cluster cluster = clusters.describe(summary.id());
            if (cluster.tags().stream().anyMatch(t -> LAUNCH_TAG.equals(t.key()) && launch.equals(t.value()))) {
                return Optional.of(summary.id());
            }
        }
        return Optional.empty();
    }
}
