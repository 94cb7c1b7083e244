package dev.tributary.trigger.run;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Progress lines for the operator, each prefixed with the time elapsed since the run started, and the
 * {@link RunListener} that hears the same progress as structured calls (meters, monitoring events).
 */
public final class Progress {

    private final PrintStream out;
    private final Clock clock;
    private final Instant start;
    private final RunListener listener;

    public Progress(PrintStream out, Clock clock) {
        this(out, clock, RunListener.NONE);
    }

    public Progress(PrintStream out, Clock clock, RunListener listener) {
        this.out = out;
        this.clock = clock;
        this.start = clock.instant();
        this.listener = listener;
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

    public RunListener listener() {
        return listener;
    }
}
