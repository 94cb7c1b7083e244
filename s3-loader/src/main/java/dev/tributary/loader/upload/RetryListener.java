package dev.tributary.loader.upload;

/** Told about every failed attempt that will be retried, e.g. to count it. */
@FunctionalInterface
public interface RetryListener {

    void onRetry(String operation, int attempt, Throwable failure);

    RetryListener NONE = (operation, attempt, failure) -> { };
}
