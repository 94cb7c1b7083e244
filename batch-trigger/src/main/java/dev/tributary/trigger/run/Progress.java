package dev.tributary.trigger.run;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Progress lines for the operator, each prefixed with the time elapsed since the run started. */
public final class Progress {

    private final PrintStream out;
    private final Clock clock;
    private final Instant start;

    public Progress(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
        this.start = clock.instant();
    }

    public void line(String text) {
        out.println("[" + Durations.format(elapsed()) + "] " + text);
        out.flush();
    }

    public Duration elapsed() {
        return Duration.between(start, clock.instant());
    }

    public Clock clock() {
        return clock;
    }
}
