package dev.tributary.warehouse.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Seeded events: the same seed always gives the same events, so expected counts come from the list itself. */
public final class FixtureEvents {

    public static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

    private FixtureEvents() {
    }

    public static List<FixtureEvent> generate(long seed, int count) {
        return generate(seed, count, START);
    }

    public static List<FixtureEvent> generate(long seed, int count, Instant start) {
        Random random = new Random(seed);
        List<FixtureEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            String fingerprint = Long.toHexString(random.nextLong());
            Instant tstamp = start.plus(Duration.ofMillis(i * 1_237L + random.nextInt(1000)));
            events.add(new FixtureEvent(id, fingerprint, tstamp, random.nextInt(3), random.nextInt(3) == 0,
                    random.nextInt(4) == 0, random.nextBoolean() ? "DE" : "FR", "SKU-" + random.nextInt(1000)));
        }
        return events;
    }
}
