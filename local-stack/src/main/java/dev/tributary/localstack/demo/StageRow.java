package dev.tributary.localstack.demo;

/**
 * One line of the demo's table: what reached a stage. {@code expected} is null where the sample does not fix the
 * number (how many objects the loaders wrote depends on when they flushed); {@code shortfall} says whether the stage
 * came up short, which makes the demo exit non-zero.
 */
public record StageRow(String stage, String item, long count, Long expected, String detail, boolean shortfall) {

    /** A count that must reach {@code expected} (more is not a failure: someone else may be sending too). */
    static StageRow atLeast(String stage, String item, long count, long expected, String detail) {
        return new StageRow(stage, item, count, expected, detail, count < expected);
    }

    /** A count nothing is expected of. */
    static StageRow observed(String stage, String item, long count, String detail) {
        return new StageRow(stage, item, count, null, detail, false);
    }

    /** A value that must be exactly {@code expected}, such as an exit code. */
    static StageRow exactly(String stage, String item, long count, long expected, String detail) {
        return new StageRow(stage, item, count, expected, detail, count != expected);
    }
}
