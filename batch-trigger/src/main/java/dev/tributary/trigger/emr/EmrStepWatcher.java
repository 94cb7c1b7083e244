package dev.tributary.trigger.emr;

import dev.tributary.trigger.run.Durations;
import dev.tributary.trigger.run.Progress;
import dev.tributary.trigger.run.RunListener;
import dev.tributary.trigger.run.Sleeper;
import dev.tributary.trigger.run.StepReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.ListStepsRequest;
import software.amazon.awssdk.services.emr.model.ListStepsResponse;
import software.amazon.awssdk.services.emr.model.StepState;
import software.amazon.awssdk.services.emr.model.StepSummary;

/**
 * EmrEtlRunner's {@code wait_for}: list the cluster's steps every poll interval until none is PENDING, RUNNING,
 * CANCEL_PENDING or (for older APIs) WAITING/SHUTTING_DOWN; when EMR shows no step yet, wait five intervals.
 */
public final class EmrStepWatcher {

    private static final Set<StepState> ACTIVE = Set.of(StepState.PENDING, StepState.RUNNING,
            StepState.CANCEL_PENDING);

    private final EmrClient emr;
    private final EmrRetry retry;
    private final Sleeper sleeper;
    private final Duration pollInterval;
    private final Progress progress;

    public EmrStepWatcher(EmrClient emr, EmrRetry retry, Sleeper sleeper, Duration pollInterval, Progress progress) {
        this.emr = emr;
        this.retry = retry;
        this.sleeper = sleeper;
        this.pollInterval = pollInterval;
        this.progress = progress;
    }

    /** Polls until every step of the cluster has finished; the steps in submission order. */
    public List<StepSummary> waitFor(String clusterId) throws InterruptedException {
        return waitFor(clusterId, Optional.empty());
    }

    /**
     * Polls until the given steps (ids from AddJobFlowSteps) have finished, ignoring every other step of the cluster:
     * a persistent cluster keeps the steps of earlier runs, whose failures are not this run's.
     */
    public List<StepSummary> waitFor(String clusterId, List<String> stepIds) throws InterruptedException {
        return waitFor(clusterId, Optional.of(List.copyOf(stepIds)));
    }

    private List<StepSummary> waitFor(String clusterId, Optional<List<String>> only) throws InterruptedException {
        String lastLine = null;
        while (true) {
            List<StepSummary> steps = list(clusterId, only);
            if (steps.isEmpty()) {
                sleeper.sleep(pollInterval.multipliedBy(5));
                continue;
            }
            progress.listener().emrSteps(steps.stream().map(s -> new RunListener.EmrStep(s.id(), s.name(),
                    s.status().stateAsString())).toList());
            String line = describe(clusterId, steps);
            if (!line.equals(lastLine)) {
                progress.line(line);
                lastLine = line;
            }
            boolean allListed = only.map(ids -> steps.size() == ids.size()).orElse(true);
            if (allListed && steps.stream().noneMatch(s -> ACTIVE.contains(s.status().state()))) {
                return steps;
            }
            sleeper.sleep(pollInterval);
        }
    }

    /** This run's steps in submission order: the order of {@code only} when given, else by creation time. */
    private List<StepSummary> list(String clusterId, Optional<List<String>> only) {
        Optional<Map<String, Integer>> position = only.map(ids -> {
            Map<String, Integer> p = new HashMap<>();
            ids.forEach(id -> p.put(id, p.size()));
            return p;
        });
        List<StepSummary> out = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            ListStepsResponse page = retry.call("ListSteps", () -> emr.listSteps(ListStepsRequest.builder()
                    .clusterId(clusterId).marker(m).build()));
            page.steps().stream().filter(s -> position.map(p -> p.containsKey(s.id())).orElse(true))
                    .forEach(out::add);
            marker = page.marker();
            // Newest first: once this run's steps are all seen, older pages hold only earlier runs' steps.
        } while (marker != null && only.map(ids -> out.size() < ids.size()).orElse(true));
        // ListSteps answers newest first. Steps added in one call can share a creation time and step ids are not
        // ordered, so ties keep the reversed listing order (the sort is stable).
        Collections.reverse(out);
        if (position.isPresent()) {
            out.sort(Comparator.comparing((StepSummary s) -> position.get().get(s.id())));
        } else {
            out.sort(Comparator.comparing(EmrStepWatcher::created));
        }
        return out;
    }

    private static Instant created(StepSummary s) {
        return s.status().timeline() == null || s.status().timeline().creationDateTime() == null
                ? Instant.EPOCH : s.status().timeline().creationDateTime();
    }

    private String describe(String clusterId, List<StepSummary> steps) {
        long done = steps.stream().filter(s -> !ACTIVE.contains(s.status().state())).count();
        Optional<StepSummary> current = steps.stream().filter(s -> s.status().state() == StepState.RUNNING)
                .findFirst();
        String head = "EMR " + clusterId + ": step " + Math.min(done + 1, steps.size()) + "/" + steps.size();
        return head + current.map(s -> " running " + s.name()).orElse("") + " | "
                + steps.stream().map(s -> s.status().stateAsString()).collect(Collectors.joining(" "));
    }

    /** One report line per step: state and how long it ran. */
    public static List<StepReport> reports(List<StepSummary> steps, Instant now) {
        return steps.stream().map(s -> {
            var t = s.status().timeline();
            Instant start = t == null ? null : t.startDateTime();
            Instant end = t == null ? null : t.endDateTime();
            Duration d = start == null ? Duration.ZERO : Duration.between(start, end == null ? now : end);
            Optional<String> detail = Optional.ofNullable(s.status().failureDetails())
                    .map(f -> String.join("; ", nonNull(f.reason(), f.message(), f.logFile())))
                    .filter(x -> !x.isEmpty());
            return new StepReport(s.name(), s.status().stateAsString(), d, detail);
        }).toList();
    }

    private static List<String> nonNull(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(v);
            }
        }
        return out;
    }

    static String format(Duration d) {
        return Durations.format(d);
    }
}
