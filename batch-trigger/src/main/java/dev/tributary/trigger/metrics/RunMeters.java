package dev.tributary.trigger.metrics;

import dev.tributary.trigger.run.ExitCode;
import dev.tributary.trigger.run.RunListener;
import dev.tributary.trigger.run.StepReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The progress of one run as meters, for {@code run --monitoring-port}: which step of how many, steps finished by
 * state, objects and bytes moved by this process, EMR steps by state, how long the run has taken and how it ended.
 * Every label value comes from a closed set (EMR's step states), so a scrape never grows without bound.
 */
public final class RunMeters implements RunListener {

    /** EMR's step states; the local runner's COMPLETED and FAILED are among them. Anything else counts as OTHER. */
    static final List<String> STATES = List.of("PENDING", "CANCEL_PENDING", "RUNNING", "COMPLETED", "CANCELLED",
            "FAILED", "INTERRUPTED");
    private static final Set<String> TERMINAL = Set.of("COMPLETED", "CANCELLED", "FAILED", "INTERRUPTED");

    private final AtomicInteger currentStep = new AtomicInteger();
    private final AtomicInteger plannedSteps = new AtomicInteger();
    private final AtomicInteger exitCode = new AtomicInteger(-1);
    private final Counter objectsMoved;
    private final Counter bytesMoved;
    private final Map<String, Counter> finished = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> emrSteps = new LinkedHashMap<>();
    private final Set<String> emrStepsSeenFinished = new HashSet<>();
    private final Supplier<Duration> elapsed;
    private final AtomicReference<Duration> finalDuration = new AtomicReference<>();

    /** @param elapsed the run's running time so far (the progress clock); frozen when the run ends */
    public RunMeters(MeterRegistry registry, Supplier<Duration> elapsed) {
        this.elapsed = elapsed;
        Gauge.builder("tributary_trigger_step_current", currentStep, AtomicInteger::get)
                .description("1-based index of the step running now (0 before the first)").register(registry);
        Gauge.builder("tributary_trigger_steps_planned", plannedSteps, AtomicInteger::get)
                .description("steps in this run's plan (on EMR: steps on the cluster)").register(registry);
        Gauge.builder("tributary_trigger_run_exit_code", exitCode, AtomicInteger::get)
                .description("the run's exit code once it ended, -1 while it runs").register(registry);
        Gauge.builder("tributary_trigger_run_duration_seconds", this, RunMeters::durationSeconds)
                .description("time since the run started, frozen at its end").register(registry);
        objectsMoved = Counter.builder("tributary_trigger_objects_moved")
                .description("objects moved (copy, then delete) by this process").register(registry);
        bytesMoved = Counter.builder("tributary_trigger_bytes_moved")
                .description("bytes of the objects moved by this process").register(registry);
        for (String state : labels()) {
            finished.put(state, Counter.builder("tributary_trigger_steps_finished").tag("state", state)
                    .description("steps that ended, by final state").register(registry));
            AtomicInteger n = new AtomicInteger();
            emrSteps.put(state, n);
            Gauge.builder("tributary_trigger_emr_steps", n, AtomicInteger::get).tag("state", state)
                    .description("EMR steps in each state at the last poll").register(registry);
        }
    }

    private static List<String> labels() {
        List<String> all = new java.util.ArrayList<>(STATES);
        all.add("OTHER");
        return all;
    }

    private static String label(String state) {
        return STATES.contains(state) ? state : "OTHER";
    }

    private double durationSeconds() {
        Duration d = finalDuration.get();
        return (d == null ? elapsed.get() : d).toMillis() / 1000.0;
    }

    @Override
    public void runStarted(String runId, String runner, List<String> steps) {
        plannedSteps.set(steps.size());
    }

    @Override
    public void stepStarted(int index, int total, String name) {
        currentStep.set(index);
        plannedSteps.set(total);
    }

    @Override
    public void stepFinished(String name, String state) {
        finished.get(label(state)).increment();
    }

    @Override
    public void objectMoved(long bytes) {
        objectsMoved.increment();
        bytesMoved.increment(bytes);
    }

    @Override
    public synchronized void emrSteps(List<EmrStep> steps) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int done = 0;
        for (EmrStep s : steps) {
            counts.merge(label(s.state()), 1, Integer::sum);
            if (TERMINAL.contains(s.state())) {
                done++;
                if (emrStepsSeenFinished.add(s.id())) {
                    finished.get(label(s.state())).increment();
                }
            }
        }
        emrSteps.forEach((state, n) -> n.set(counts.getOrDefault(state, 0)));
        plannedSteps.set(steps.size());
        currentStep.set(Math.min(done + 1, steps.size()));
    }

    @Override
    public void runFinished(ExitCode code, List<StepReport> steps) {
        finalDuration.compareAndSet(null, elapsed.get());
        exitCode.set(code.code());
    }
}
