package dev.tributary.trigger.emr;

import dev.tributary.trigger.run.StepReport;
import java.util.List;

/**
 * A successful EMR job: the cluster that ran it, how many clusters it launched (0 when a persistent cluster was
 * reused), how many times failed steps were resubmitted (persistent mode), and every step's report.
 */
public record EmrOutcome(String clusterId, int attempts, int resubmissions, List<StepReport> steps) {

    public EmrOutcome(String clusterId, int attempts, List<StepReport> steps) {
        this(clusterId, attempts, 0, steps);
    }
}
