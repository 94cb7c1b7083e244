package dev.tributary.trigger.config;

/**
 * One wrong value in a configuration file, named by its key path so the user can find it:
 * {@code aws.emr.jobflow.core_instance_count: expected a non-negative integer, got "x"}.
 */
public record ConfigProblem(String keyPath, String expected, String given) {

    /** The given value is left out of messages about secrets; callers pass {@code null} for "missing". */
    public String message() {
        String got = given == null ? "nothing" : "\"" + given + "\"";
        return keyPath + ": expected " + expected + ", got " + got;
    }

    @Override
    public String toString() {
        return message();
    }
}
