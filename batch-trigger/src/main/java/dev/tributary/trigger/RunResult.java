package dev.tributary.trigger;

import dev.tributary.trigger.run.StepReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a runner did: each step's report, object counts per step, and the EMR cluster if there was one. */
public record RunResult(List<StepReport> steps, Map<String, Long> counts, Optional<String> clusterId) {

    public RunResult {
        steps = List.copyOf(steps);
        counts = Map.copyOf(counts);
    }
}
