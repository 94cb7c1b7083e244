package dev.tributary.trigger.emr;

import dev.tributary.trigger.run.ExitCode;
import dev.tributary.trigger.run.RunFailure;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.emr.model.ClusterState;
import software.amazon.awssdk.services.emr.model.ClusterSummary;

/**
 * Finds the persistent cluster by {@code aws.emr.jobflow.job_name} (spec E.6): one cluster WAITING is reused; one
 * that is RUNNING, or still STARTING/BOOTSTRAPPING, is busy (EmrClusterStateError, exit 18: a no-op that releases the
 * lock); more than one live cluster with the name is an EmrDiscoveryError (exit 1), because steps must not go to a
 * cluster picked at random. EmrEtlRunner listed WAITING and RUNNING only; a cluster still starting is counted here too,
 * since launching a second one would make every later run fail discovery.
 */
final class PersistentClusterFinder {

    private final EmrClusters clusters;

    PersistentClusterFinder(EmrClusters clusters) {
        this.clusters = clusters;
    }

    /** The id of the WAITING cluster to reuse, or empty when none is up. */
    Optional<String> find(String jobName) {
        List<ClusterSummary> matches = clusters.live(Optional.empty()).stream().filter(c -> jobName.equals(c.name())).toList();
        if (matches.size() > 1) {
            throw new RunFailure(ExitCode.FAILURE, "EmrDiscoveryError: " + matches.size() + " live EMR clusters are "
                    + "named \"" + jobName + "\" (" + matches.stream().map(c -> c.id() + " " + c.status().stateAsString())
                    .collect(Collectors.joining(", ")) + "); the persistent cluster's name (aws.emr.jobflow.job_name) "
                    + "must be unique: terminate all but one");
        }
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        ClusterSummary cluster = matches.get(0);
        if (cluster.status().state() != ClusterState.WAITING) {
            throw new RunFailure(ExitCode.CLUSTER_BUSY, "EmrClusterStateError: EMR cluster " + cluster.id() + " (\""
                    + jobName + "\") is " + cluster.status().stateAsString() + ", not WAITING: another run is using "
                    + "it; nothing was submitted");
        }
        return Optional.of(cluster.id());
    }
}
