package dev.tributary.trigger;

/** Runs a prepared plan somewhere: on EMR, or on this machine. */
public interface JobRunner {

    RunResult run(PreparedRun run) throws InterruptedException;

    String name();
}
