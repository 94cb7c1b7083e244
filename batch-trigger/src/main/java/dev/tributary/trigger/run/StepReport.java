package dev.tributary.trigger.run;

import java.time.Duration;
import java.util.Optional;

/** One step of a finished (or failed) run: what the summary and the failure report list. */
public record StepReport(String name, String state, Duration duration, Optional<String> detail) {

    public String describe() {
        return name + ": " + state + " after " + Durations.format(duration) + detail.map(d -> " (" + d + ")").orElse("");
    }
}
