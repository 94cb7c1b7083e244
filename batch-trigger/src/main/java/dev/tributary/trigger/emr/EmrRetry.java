package dev.tributary.trigger.emr;

import dev.tributary.trigger.run.Backoff;
import dev.tributary.trigger.run.Sleeper;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * EmrEtlRunner's {@code retry_connection_issues} around every EMR call: connection problems, throttling,
 * RequestTimeout (#3468), ServiceUnavailable (#3539) and 5xx are retried with backoff; anything else is a real error.
 * The SDK's own retries are switched off on the client so that this is the one policy in force.
 */
public final class EmrRetry {

    private static final Logger LOG = LoggerFactory.getLogger(EmrRetry.class);
    private static final Set<String> RETRYABLE_CODES = Set.of("ThrottlingException", "Throttling",
            "RequestTimeout", "RequestTimeoutException", "ServiceUnavailable", "ServiceUnavailableException",
            "InternalServerError", "InternalFailure", "InternalServerException");

    private final Backoff backoff;
    private final Sleeper sleeper;

    public EmrRetry(Backoff backoff, Sleeper sleeper) {
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    public <T> T call(String operation, Supplier<T> call) {
        return callOnce(operation, call, Optional::empty);
    }

    /**
     * As {@link #call}, for a call that must not take effect twice and has no idempotency token (RunJobFlow,
     * AddJobFlowSteps). A timeout, a reset connection or a 5xx can come after EMR acted on the request, so before
     * each retry {@code landed} looks for its effect and, when it finds one, answers in its place. A throttled call
     * was refused, so it is retried without looking.
     */
    public <T> T callOnce(String operation, Supplier<T> call, Supplier<Optional<T>> landed) {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.get();
            } catch (AwsServiceException | SdkClientException e) {
                if (!retryable(e) || attempt >= backoff.retries()) {
                    throw e;
                }
                if (!(e instanceof AwsServiceException s && s.isThrottlingException())) {
                    Optional<T> done = landed.get();
                    if (done.isPresent()) {
                        LOG.atWarn().addKeyValue("operation", operation).addKeyValue("cause", reason(e))
                                .log("EMR call failed but had taken effect: not repeating it");
                        return done.get();
                    }
                }
                LOG.warn("EMR {} failed ({}); retry {}/{} in {}", operation, reason(e), attempt + 1,
                        backoff.retries(), backoff.delays().get(attempt));
                try {
                    sleeper.sleep(backoff.delays().get(attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static boolean retryable(RuntimeException e) {
        if (e instanceof SdkClientException) {
            return true; // connection refused/reset, timeouts, TLS errors: the request never got an answer
        }
        AwsServiceException s = (AwsServiceException) e;
        String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
        return s.isThrottlingException() || s.statusCode() >= 500 || (code != null && RETRYABLE_CODES.contains(code));
    }

    private static String reason(RuntimeException e) {
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
            return s.awsErrorDetails().errorCode() + ", HTTP " + s.statusCode();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
