package dev.tributary.loader.upload;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Retries S3 calls that failed for a transient reason (throttling, 5xx, connection errors, timeouts) until they
 * succeed or the caller cancels; anything else (403, 400 ...) is thrown at once. The SDK's own retries are off so
 * that every attempt is visible here and in the metrics.
 */
public final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(408, 409, 429, 500, 502, 503, 504);
    private static final Set<String> RETRYABLE_CODES = Set.of("SlowDown", "InternalError", "RequestTimeout",
            "ServiceUnavailable", "Throttling", "ThrottlingException", "RequestTimeTooSkewed");

    private final Backoff backoff;
    private final RetryListener listener;

    public Retrier(Backoff backoff, RetryListener listener) {
        this.backoff = backoff;
        this.listener = listener;
    }

    public <T> T call(String operation, Supplier<T> call, BooleanSupplier cancelled) {
        for (int attempt = 0; ; attempt++) {
            if (cancelled.getAsBoolean()) {
                throw new UploadCancelledException(operation);
            }
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (!isRetryable(e)) {
                    throw e;
                }
                listener.onRetry(operation, attempt + 1, e);
                Duration delay = backoff.delay(attempt, ThreadLocalRandom.current());
                LOG.atWarn().addKeyValue("operation", operation).addKeyValue("attempt", attempt + 1)
                        .addKeyValue("retry_in_ms", delay.toMillis()).addKeyValue("cause", summary(e))
                        .log("S3 call failed");
                sleep(delay, cancelled, operation);
            }
        }
    }

    public static boolean isRetryable(Throwable e) {
        if (e instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
            return RETRYABLE_STATUS.contains(s3.statusCode()) || (code != null && RETRYABLE_CODES.contains(code));
        }
        // Connection refused/reset, timeouts, truncated responses: the request may or may not have landed, which the
        // conditional write and the deterministic keys make harmless.
        return e instanceof SdkClientException;
    }

    private static String summary(Throwable e) {
        if (e instanceof S3Exception s3) {
            return s3.statusCode() + " " + (s3.awsErrorDetails() == null ? "" : s3.awsErrorDetails().errorCode());
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static void sleep(Duration delay, BooleanSupplier cancelled, String operation) {
        long end = System.nanoTime() + delay.toNanos();
        try {
            while (System.nanoTime() < end) {
                if (cancelled.getAsBoolean()) {
                    throw new UploadCancelledException(operation);
                }
                Thread.sleep(Math.max(1, Math.min(50, (end - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UploadCancelledException(operation);
        }
    }
}
