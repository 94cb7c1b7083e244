package dev.tributary.trigger.plan;

/** A {@code --resume-from}/{@code --skip}/{@code --include} combination EmrEtlRunner refuses; exit code 1. */
public class PlanRejected extends RuntimeException {
    public PlanRejected(String message) {
        super(message);
    }
}
