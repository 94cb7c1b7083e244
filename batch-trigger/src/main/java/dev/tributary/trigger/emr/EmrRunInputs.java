package dev.tributary.trigger.emr;

import dev.tributary.trigger.config.StorageTarget;
import dev.tributary.trigger.config.TriggerConfig;
import dev.tributary.trigger.plan.StepPlan;
import dev.tributary.trigger.run.RunId;
import java.util.List;
import java.util.Optional;

/**
 * Everything the EMR job is built from. The recovered run ids are the latest {@code run=} folders found in S3 when
 * a step runs in recover mode (resumed runs create no folder of their own).
 */
public record EmrRunInputs(
        TriggerConfig config,
        StepPlan plan,
        RunId runId,
        List<StorageTarget> loadTargets,
        String resolverJson,
        Optional<RunId> recoveredEnrichedRun,
        Optional<RunId> recoveredShreddedRun,
        AssetJars jars,
        boolean debug) {

    public EmrRunInputs {
        loadTargets = List.copyOf(loadTargets);
    }
}
