package dev.tributary.trigger.run;

import java.util.List;

/**
 * What happens during a run, as structured calls next to the progress lines: the meters behind
 * {@code --monitoring-port} and the {@code monitoring.snowplow} events listen here. Every method has a no-op default,
 * is called on the run's thread and must return quickly and never throw (a listener watches the run, it never stops
 * it).
 */
public interface RunListener {

    RunListener NONE = new RunListener() { };

    /** The runner is about to start (lock taken, preconditions hold); {@code steps} are the planned step names. */
    default void runStarted(String runId, String runner, List<String> steps) {
    }

    /** Local runner: step {@code index} (1-based) of {@code total} starts. */
    default void stepStarted(int index, int total, String name) {
    }

    /** Local runner: a step ended in {@code state} (COMPLETED or FAILED). */
    default void stepFinished(String name, String state) {
    }

    /** One object was moved (server-side copy, then delete) by this process. */
    default void objectMoved(long bytes) {
    }

    /** EMR runner: every step of the cluster as last listed, in submission order. */
    default void emrSteps(List<EmrStep> steps) {
    }

    /** The run ended with {@code code}; {@code steps} as in the summary (empty when nothing ran). */
    default void runFinished(ExitCode code, List<StepReport> steps) {
    }

    /** One EMR step as ListSteps reports it; {@code state} is EMR's (PENDING, RUNNING, COMPLETED, ...). */
    record EmrStep(String id, String name, String state) {
    }

    /** Calls every listener in turn; one that throws is skipped, the others still hear of the event. */
    static RunListener all(List<RunListener> listeners) {
        List<RunListener> copy = List.copyOf(listeners);
        return new RunListener() {
            @Override
            public void runStarted(String runId, String runner, List<String> steps) {
                each(l -> l.runStarted(runId, runner, steps));
            }

            @Override
            public void stepStarted(int index, int total, String name) {
                each(l -> l.stepStarted(index, total, name));
            }

            @Override
            public void stepFinished(String name, String state) {
                each(l -> l.stepFinished(name, state));
            }

            @Override
            public void objectMoved(long bytes) {
                each(l -> l.objectMoved(bytes));
            }

            @Override
            public void emrSteps(List<EmrStep> steps) {
                each(l -> l.emrSteps(steps));
            }

            @Override
            public void runFinished(ExitCode code, List<StepReport> steps) {
                each(l -> l.runFinished(code, steps));
            }

            private void each(java.util.function.Consumer<RunListener> call) {
                for (RunListener l : copy) {
                    try {
                        call.accept(l);
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(RunListener.class).atWarn()
                                .addKeyValue("listener", l.getClass().getSimpleName())
                                .addKeyValue("exception", e.getClass().getName()).log("run listener failed");
                    }
                }
            }
        };
    }
}
