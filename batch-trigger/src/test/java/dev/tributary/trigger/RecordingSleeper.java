package dev.tributary.trigger;

import dev.tributary.trigger.run.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records each wait instead of spending it, so tests see the intervals a run would wait without waiting. */
public final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        waits.add(duration);
    }

    public synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }
}
