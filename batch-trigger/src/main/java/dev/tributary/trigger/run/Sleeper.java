package dev.tributary.trigger.run;

import java.time.Duration;

/** Waiting between polls and retries, injected so tests can record the waits instead of spending them. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());
}
