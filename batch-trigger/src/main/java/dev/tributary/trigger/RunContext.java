package dev.tributary.trigger;

import dev.tributary.trigger.config.StorageTarget;
import dev.tributary.trigger.config.TriggerConfig;
import dev.tributary.trigger.plan.StepPlan;
import dev.tributary.trigger.run.RunId;
import java.util.List;

/** What one run works from: the parsed config, the plan, its run id, the targets to load and the resolver. */
public record RunContext(TriggerConfig config, StepPlan plan, RunId runId, List<StorageTarget> loadTargets,
                         String resolverJson, boolean debug) {

    public RunContext {
        loadTargets = List.copyOf(loadTargets);
    }
}
