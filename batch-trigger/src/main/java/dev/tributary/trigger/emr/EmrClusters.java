package dev.tributary.trigger.emr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.Cluster;
import software.amazon.awssdk.services.emr.model.ClusterState;
import software.amazon.awssdk.services.emr.model.ClusterSummary;
import software.amazon.awssdk.services.emr.model.DescribeClusterRequest;
import software.amazon.awssdk.services.emr.model.ListClustersRequest;
import software.amazon.awssdk.services.emr.model.ListClustersResponse;
import software.amazon.awssdk.services.emr.model.TerminateJobFlowsRequest;

/**
 * Cluster calls both runners make: list the live clusters, describe one, tell a bootstrap failure, terminate one.
 */
final class EmrClusters {

    private static final Logger LOG = LoggerFactory.getLogger(EmrClusters.class);
    static final Pattern BOOTSTRAP_FAILURE =
            Pattern.compile("BOOTSTRAP_FAILURE|bootstrap action|Master instance startup failed");

    private final EmrClient emr;
    private final EmrRetry retry;

    EmrClusters(EmrClient emr, EmrRetry retry) {
        this.emr = emr;
        this.retry = retry;
    }

    static final List<ClusterState> LIVE = List.of(ClusterState.STARTING, ClusterState.BOOTSTRAPPING,
            ClusterState.RUNNING, ClusterState.WAITING);

    /** Every cluster STARTING, BOOTSTRAPPING, RUNNING or WAITING (created after {@code createdAfter}), all pages. */
    List<ClusterSummary> live(Optional<Instant> createdAfter) {
        List<ClusterSummary> out = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            ListClustersResponse page = retry.call("ListClusters", () -> emr.listClusters(ListClustersRequest.builder()
                    .clusterStates(LIVE).createdAfter(createdAfter.orElse(null)).marker(m).build()));
            out.addAll(page.clusters());
            marker = page.marker();
        } while (marker != null);
        return out;
    }

    Cluster describe(String clusterId) {
        return retry.call("DescribeCluster", () -> emr.describeCluster(DescribeClusterRequest.builder()
                .clusterId(clusterId).build())).cluster();
    }

    /** EmrEtlRunner's test: the cluster's last state-change reason names a bootstrap or master startup failure. */
    boolean bootstrapFailed(String clusterId) {
        Cluster cluster = describe(clusterId);
        var reason = cluster.status() == null ? null : cluster.status().stateChangeReason();
        String text = reason == null ? "" : reason.codeAsString() + " " + reason.message();
        return BOOTSTRAP_FAILURE.matcher(text).find();
    }

    /** Never throws: the step outcome matters more than a failed terminate, which is logged loudly instead. */
    boolean terminate(String clusterId) {
        try {
            retry.call("TerminateJobFlows", () -> emr.terminateJobFlows(TerminateJobFlowsRequest.builder()
                    .jobFlowIds(clusterId).build()));
            return true;
        } catch (RuntimeException e) {
            LOG.error("could not terminate EMR cluster {}: terminate it by hand", clusterId, e);
            return false;
        }
    }
}
