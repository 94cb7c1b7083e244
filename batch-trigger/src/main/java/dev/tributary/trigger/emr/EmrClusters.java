package dev.tributary.trigger.emr;

import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.Cluster;
import software.amazon.awssdk.services.emr.model.DescribeClusterRequest;
import software.amazon.awssdk.services.emr.model.TerminateJobFlowsRequest;

/** Calls on one cluster that both runners make: describe it, tell a bootstrap failure, terminate it. */
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
