package dev.tributary.loader.config;

import java.time.Duration;

/** Exponential backoff with full jitter around every S3 call; retries go on until S3 answers (consumption pauses). */
public record RetryConfig(Duration initialBackoff, Duration maxBackoff, Duration attemptTimeout) {
}
