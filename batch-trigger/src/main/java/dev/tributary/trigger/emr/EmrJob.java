package dev.tributary.trigger.emr;

/** One EMR job for a run's steps: on a transient cluster ({@link EmrRunner}) or a persistent one. */
public interface EmrJob {

    EmrOutcome run(EmrRunInputs inputs) throws InterruptedException;
}
