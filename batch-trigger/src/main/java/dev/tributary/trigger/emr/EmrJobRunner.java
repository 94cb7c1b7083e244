package dev.tributary.trigger.emr;

import dev.tributary.trigger.JobRunner;
import dev.tributary.trigger.PreparedRun;
import dev.tributary.trigger.RunContext;
import dev.tributary.trigger.RunResult;
import java.util.Map;
import java.util.Optional;

/** The EMR runner: the prepared plan becomes the steps of a transient cluster, or of a persistent one. */
public final class EmrJobRunner implements JobRunner {

    private final EmrJob runner;
    private final AssetJars jars;

    public EmrJobRunner(EmrJob runner, AssetJars jars) {
        this.runner = runner;
        this.jars = jars;
    }

    @Override
    public RunResult run(PreparedRun prepared) throws InterruptedException {
        RunContext ctx = prepared.context();
        EmrOutcome outcome = runner.run(new EmrRunInputs(ctx.config(), ctx.plan(), ctx.runId(), ctx.loadTargets(),
                ctx.resolverJson(), prepared.recoveredEnrichedRun(), prepared.recoveredShreddedRun(), jars,
                ctx.debug()));
        return new RunResult(outcome.steps(), Map.of("clusterLaunches", (long) outcome.attempts(),
                "stepResubmissions", (long) outcome.resubmissions(),
                "objectsStaged", (long) prepared.stagingSnapshot().size()), Optional.of(outcome.clusterId()));
    }

    @Override
    public String name() {
        return "emr";
    }
}
