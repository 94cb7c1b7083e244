package dev.tributary.trigger.emr;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code --use-persistent-jobflow} and {@code --persistent-jobflow-duration}: reuse the cluster named
 * {@code aws.emr.jobflow.job_name} (or launch one that stays up), and terminate it at the end of a run once it is
 * older than {@code maxAge}. Without a duration the cluster is never terminated by the trigger.
 */
public record PersistentJobflow(Optional<Duration> maxAge) {

    public static final String OPTION = "--use-persistent-jobflow";

    /** The options as given: exit 1 naming the option unless they make sense together and with the runner. */
    public static Optional<String> problem(boolean use, Optional<Duration> maxAge, boolean emrRunner) {
        if (use && !emrRunner) {
            return Optional.of(OPTION + ": only valid with --runner emr (the local runner has no cluster to keep)");
        }
        if (!use && maxAge.isPresent()) {
            return Optional.of(JobflowDuration.OPTION + ": only valid with " + OPTION);
        }
        return Optional.empty();
    }

    /** Older than the duration at the end of a run: EmrEtlRunner's {@code created_at + duration < now}. */
    public boolean expired(Instant createdAt, Instant now) {
        return maxAge.map(age -> createdAt.plus(age).isBefore(now)).orElse(false);
    }
}
