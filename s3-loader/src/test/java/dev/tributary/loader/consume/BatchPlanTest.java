package dev.tributary.loader.consume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.loader.buffer.RotationReason;
import dev.tributary.loader.config.BufferConfig;
import dev.tributary.loader.key.OffsetRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batching and replay decisions without Kafka or S3. Each row feeds a script of events to one partition's plan
 * and compares the objects it seals (range and reason), in order.
 *
 * <p>Script: {@code 7} a line at offset 7 (bucket 0, 10 bytes), {@code 7@3} a line in time bucket 3, {@code 7!} a bad
 * row, {@code +60s} the clock moves, {@code tick} the end of a poll, {@code revoke} a drain for revocation. Objects:
 * {@code first-last:REASON}.
 */
class BatchPlanTest {

    private static final BufferConfig LIMITS = new BufferConfig(5, 1_000, Duration.ofSeconds(60));

    static Stream<Arguments> rows() {
        return Stream.of(
                // name, stored ranges, position, script, expected objects
                row("records limit", "", 0, "0 1 2 3 4 5 6", "0-4:RECORDS"),
                row("bytes limit: 3 lines of 400 bytes + newline", "", 0, "0#400 1#400 2#400 3", "0-2:BYTES"),
                row("bad rows count as records, not bytes", "", 0, "0! 1! 2! 3! 4!", "0-4:RECORDS"),
                row("time limit, at the end of a poll", "", 0, "0 1 +59s tick 2 +1s tick 3", "0-2:TIME"),
                row("time limit counts from the buffer's first record", "", 0, "+30s 0 +59s tick +1s tick", "0-0:TIME"),
                row("later time bucket cuts before the record", "", 0, "0@1 1@1 2@2 3@2", "0-1:TIME_PARTITION"),
                row("earlier bucket does not cut", "", 0, "0@2 1@1 2@1", ""),
                row("bad rows have no say in the bucket", "", 0, "0! 1@4 2@4 3@5", "0-2:TIME_PARTITION"),
                row("drain seals the open buffer", "", 0, "0 1 revoke 2 3 revoke", "0-1:REVOCATION 2-3:REVOCATION"),
                row("drain with nothing open", "", 0, "revoke 0 revoke revoke", "0-0:REVOCATION"),

                // replay of ranges stored by an earlier run
                row("replay cut exactly at the stored range's end", "0-2", 0, "0 1 2 3 4", "0-2:STORED_RANGE"),
                row("stored range longer than the records limit", "0-7", 0, "0 1 2 3 4 5 6 7 8",
                        "0-7:STORED_RANGE"),
                row("replayed range ignores the time limit", "0-3", 0, "0 +90s tick 1 2 3", "0-3:STORED_RANGE"),
                row("replayed range ignores time buckets", "0-2", 0, "0@1 1@2 2@3 3@3", "0-2:STORED_RANGE"),
                row("buffer reaching a stored range is cut before it", "3-5", 0, "0 1 2 3 4 5 6",
                        "0-2:STORED_RANGE 3-5:STORED_RANGE"),
                row("consecutive stored ranges replay one by one", "0-1,2-4", 0, "0 1 2 3 4 5",
                        "0-1:STORED_RANGE 2-4:STORED_RANGE"),
                row("position inside a stored range: pinned to its end", "0-4", 3, "3 4 5", "3-4:STORED_RANGE"),
                row("gap beyond a pinned end cuts before the record", "0-4", 0, "0 1 2 7 8",
                        "0-2:STORED_RANGE"),
                row("time flush before a stored range keeps the cut", "4-6", 0, "0 1 +60s tick 2 3 4 5 6",
                        "0-1:TIME 2-3:STORED_RANGE 4-6:STORED_RANGE"),
                row("partial replay is dropped on drain, not written", "0-4", 0, "0 1 2 revoke",
                        ""),
                row("stored range before the position is skipped", "0-2", 5, "5 6", ""),
                row("stored range beyond the next records is not reached", "100-200", 0, "0 1 2 3 4", "0-4:RECORDS"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void sealsObjects(String name, String stored, long position, String script, String expected) {
        BatchPlan plan = new BatchPlan(LIMITS, ranges(stored), position);
        List<String> objects = new ArrayList<>();
        long now = 1_000_000_000L;
        for (String step : script.split(" ")) {
            if (step.startsWith("+")) {
                now += Duration.ofSeconds(Long.parseLong(step.substring(1, step.length() - 1))).toNanos();
            } else if (step.equals("tick")) {
                add(objects, plan.onTick(now));
            } else if (step.equals("revoke")) {
                add(objects, plan.drain(RotationReason.REVOCATION));
            } else {
                long offset = Long.parseLong(step.split("[@#!]")[0]);
                add(objects, plan.beforeRecord(offset));
                BatchPlan.RecordSteps steps = plan.onRecord(offset, entry(step), now);
                add(objects, steps.sealBefore());
                add(objects, steps.sealAfter());
            }
        }
        assertThat(objects).as(name).containsExactlyElementsOf(
                expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" ")));
    }

    @Test
    void opensPinnedToTheStoredRangeAndReportsAStraddle() {
        BatchPlan plan = new BatchPlan(LIMITS, ranges("2-6,8-9"), 4);
        BatchPlan.RecordSteps steps = plan.onRecord(4, BatchPlan.Entry.line(0, 10), 0);
        assertThat(steps.open()).isEqualTo(new BatchPlan.Open(4, new OffsetRange(2, 6), true));
        assertThat(plan.pinnedTo()).isEqualTo(new OffsetRange(2, 6));
        assertThat(plan.remainingStored()).containsExactly(new OffsetRange(8, 9));

        BatchPlan atStart = new BatchPlan(LIMITS, ranges("2-6"), 2);
        assertThat(atStart.onRecord(2, BatchPlan.Entry.line(0, 10), 0).open())
                .isEqualTo(new BatchPlan.Open(2, new OffsetRange(2, 6), false));

        BatchPlan fresh = new BatchPlan(LIMITS, ranges(""), 0);
        assertThat(fresh.onRecord(0, BatchPlan.Entry.badRow(), 0).open()).isEqualTo(new BatchPlan.Open(0, null, false));
        assertThat(fresh.onRecord(1, BatchPlan.Entry.badRow(), 0).open()).isNull();
    }

    /**
     * Commits: {@code stored:a-b} an object is stored, {@code commit} the loop asks what to commit (and commits it);
     * each {@code commit} yields the offset committed or {@code -}.
     */
    static Stream<Arguments> commitRows() {
        return Stream.of(
                Arguments.of("nothing stored, nothing to commit", 10L, "commit", "-"),
                Arguments.of("the offset after a stored object", 0L, "stored:0-4 commit", "5"),
                Arguments.of("committed once only", 0L, "stored:0-4 commit commit", "5 -"),
                Arguments.of("several objects, one commit of the last", 0L, "stored:0-4 stored:5-9 commit", "10"),
                Arguments.of("position counts as committed", 7L, "stored:7-9 commit stored:10-10 commit", "10 11"),
                Arguments.of("never backwards (replayed object below the commit)", 0L,
                        "stored:0-9 commit stored:0-4 commit", "10 -"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commitRows")
    void commitsOnlyStoredOffsetsOnce(String name, long position, String script, String expected) {
        BatchPlan plan = new BatchPlan(LIMITS, ranges(""), position);
        List<String> commits = new ArrayList<>();
        for (String step : script.split(" ")) {
            if (step.startsWith("stored:")) {
                plan.onStored(range(step.substring("stored:".length())));
            } else {
                OptionalLong due = plan.commitDue();
                commits.add(due.isPresent() ? Long.toString(due.getAsLong()) : "-");
                due.ifPresent(plan::onCommitted);
            }
        }
        assertThat(String.join(" ", commits)).as(name).isEqualTo(expected);
        assertThat(plan.committed()).isGreaterThanOrEqualTo(position);
    }

    @Test
    void sealingDoesNotMakeAnythingCommittable() {
        BatchPlan plan = new BatchPlan(LIMITS, ranges(""), 0);
        for (long o = 0; o < 5; o++) {
            plan.onRecord(o, BatchPlan.Entry.line(0, 1), 0);
        }
        assertThat(plan.hasOpenBuffer()).isFalse(); // sealed by the records limit
        assertThat(plan.commitDue()).isEmpty();     // but not stored yet
        plan.onStored(new OffsetRange(0, 4));
        assertThat(plan.commitDue()).hasValue(5);
    }

    private static BatchPlan.Entry entry(String step) {
        if (step.endsWith("!")) {
            return BatchPlan.Entry.badRow();
        }
        long bucket = step.contains("@") ? Long.parseLong(step.substring(step.indexOf('@') + 1)) : 0;
        long bytes = step.contains("#") ? Long.parseLong(step.substring(step.indexOf('#') + 1)) : 10;
        return BatchPlan.Entry.line(bucket, bytes);
    }

    private static void add(List<String> objects, BatchPlan.Seal seal) {
        if (seal != null) {
            objects.add(seal.range().first() + "-" + seal.range().last() + ":" + seal.reason());
        }
    }

    private static TreeSet<OffsetRange> ranges(String text) {
        TreeSet<OffsetRange> set = new TreeSet<>();
        if (!text.isEmpty()) {
            for (String r : text.split(",")) {
                set.add(range(r));
            }
        }
        return set;
    }

    private static OffsetRange range(String text) {
        String[] p = text.split("-");
        return new OffsetRange(Long.parseLong(p[0]), Long.parseLong(p[1]));
    }

    private static Arguments row(String name, String stored, long position, String script, String expected) {
        return Arguments.of(name, stored, position, script, expected);
    }
}
