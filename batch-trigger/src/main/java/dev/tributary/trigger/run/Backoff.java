package dev.tributary.trigger.run;

import java.time.Duration;
import java.util.List;

/** The waits before each retry; the list's length is the number of retries. */
public record Backoff(List<Duration> delays) {

    public Backoff {
        delays = List.copyOf(delays);
    }

    /** EmrEtlRunner's {@code retry_connection_issues}: 4^n + 30 s, four times (34, 46, 94, 286 s). */
    public static Backoff emrDefault() {
        return new Backoff(List.of(Duration.ofSeconds(34), Duration.ofSeconds(46), Duration.ofSeconds(94),
                Duration.ofSeconds(286)));
    }

    /** EmrEtlRunner's S3 InternalError retry: 2^n + 10 s, three times. */
    public static Backoff s3Default() {
        return new Backoff(List.of(Duration.ofSeconds(12), Duration.ofSeconds(14), Duration.ofSeconds(18)));
    }

    public static Backoff fixed(int retries, Duration delay) {
        return new Backoff(java.util.Collections.nCopies(retries, delay));
    }

    public int retries() {
        return delays.size();
    }
}
