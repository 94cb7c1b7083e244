package dev.tributary.shredder;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeduplicatorTest {

    private static final String ID = "4b1e5b2a-8e0c-4f5e-9c1d-2f0a3b4c5d6e";

    private static Deduplicator of(String joinedOccurrences) {
        return new Deduplicator(Map.of(ID, ScanPartition.survivors(joinedOccurrences)));
    }

    @Test
    void anIdSeenOnceIsKept() {
        assertThat(of("1\tfp").decide("other-id", "fp", 9)).isInstanceOf(Deduplicator.Keep.class);
    }

    @Test
    void naturalDuplicatesKeepTheFirstOccurrence() {
        Deduplicator dedup = of("7\tfp\n3\tfp\n5\tfp");

        assertThat(dedup.decide(ID, "fp", 3)).isInstanceOf(Deduplicator.Keep.class);
        assertThat(dedup.decide(ID, "fp", 5)).isInstanceOf(Deduplicator.Drop.class);
        assertThat(dedup.decide(ID, "fp", 7)).isInstanceOf(Deduplicator.Drop.class);
        assertThat(dedup.syntheticIds()).isZero();
    }

    @Test
    void differentFingerprintsAreReidentifiedDeterministically() {
        Deduplicator dedup = of("1\ta\n2\tb\n3\ta");

        var first = (Deduplicator.Reidentify) dedup.decide(ID, "a", 1);
        var second = (Deduplicator.Reidentify) dedup.decide(ID, "b", 2);

        assertThat(dedup.decide(ID, "a", 3)).isInstanceOf(Deduplicator.Drop.class);
        assertThat(first.originalEventId()).isEqualTo(ID);
        assertThat(first.newEventId()).isNotEqualTo(second.newEventId()).isNotEqualTo(ID).hasSize(36);
        assertThat(((Deduplicator.Reidentify) of("2\tb\n1\ta").decide(ID, "a", 1)).newEventId())
                .isEqualTo(first.newEventId());
    }

    @Test
    void eventsWithoutFingerprintAreNeverCollapsed() {
        Deduplicator dedup = of("1\t\n2\t");

        assertThat(dedup.decide(ID, null, 1)).isInstanceOf(Deduplicator.Reidentify.class);
        assertThat(dedup.decide(ID, null, 2)).isInstanceOf(Deduplicator.Reidentify.class);
        assertThat(((Deduplicator.Reidentify) dedup.decide(ID, null, 1)).newEventId())
                .isNotEqualTo(((Deduplicator.Reidentify) dedup.decide(ID, null, 2)).newEventId());
    }
}
