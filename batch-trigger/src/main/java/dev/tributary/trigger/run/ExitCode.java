package dev.tributary.trigger.run;

/** EmrEtlRunner's exit codes (reference spec E.4); schedulers branch on them, so they must not change. */
public enum ExitCode {
    SUCCESS(0),
    FAILURE(1),
    NO_DATA(3),
    ONGOING_RUN(4),
    LOCK_HELD(17),
    CLUSTER_BUSY(18);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The no-op exits after which the lock is released like after a success (#3396). */
    public boolean releasesLock() {
        return this == SUCCESS || this == NO_DATA || this == ONGOING_RUN || this == CLUSTER_BUSY;
    }
}
