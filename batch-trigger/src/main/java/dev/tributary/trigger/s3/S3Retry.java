package dev.tributary.trigger.s3;

import dev.tributary.trigger.run.Backoff;
import dev.tributary.trigger.run.Sleeper;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * EmrEtlRunner retried {@code Aws::S3::Errors::InternalError} (and we add 503 SlowDown, the same "try again" from
 * S3) with {@code 2^n + 10} s waits. Anything else is a real error and surfaces at once.
 */
public final class S3Retry {

    private static final Logger LOG = LoggerFactory.getLogger(S3Retry.class);

    private final Backoff backoff;
    private final Sleeper sleeper;

    public S3Retry(Backoff backoff, Sleeper sleeper) {
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    public <T> T call(String what, Supplier<T> call) {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.get();
            } catch (AwsServiceException e) {
                if (!retryable(e) || attempt >= backoff.retries()) {
                    throw e;
                }
                LOG.warn("S3 {} failed with {} ({}); retry {}/{} in {}", what, e.awsErrorDetails().errorCode(),
                        e.statusCode(), attempt + 1, backoff.retries(), backoff.delays().get(attempt));
                try {
                    sleeper.sleep(backoff.delays().get(attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    static boolean retryable(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return "InternalError".equals(code) || "SlowDown".equals(code) || e.statusCode() == 500
                || e.statusCode() == 503;
    }
}
