package dev.tributary.trigger.emr;

import dev.tributary.trigger.run.StepReport;
import java.util.List;

/** A successful EMR job: the cluster that ran it, how many launches it took, and every step's report. */
public record EmrOutcome(String clusterId, int attempts, List<StepReport> steps) {
}
