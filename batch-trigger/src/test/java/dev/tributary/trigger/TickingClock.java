package dev.tributary.trigger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves one step forward each time it is read: run ids differ between runs, durations are stable. */
public final class TickingClock extends Clock {

    private Instant now;
    private final Duration step;

    public TickingClock(Instant start, Duration step) {
        this.now = start;
        this.step = step;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized Instant instant() {
        Instant current = now;
        now = now.plus(step);
        return current;
    }
}
