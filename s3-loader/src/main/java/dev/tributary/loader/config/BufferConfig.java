package dev.tributary.loader.config;

import java.time.Duration;

/** When a partition's buffer becomes an object: whichever limit is reached first. */
public record BufferConfig(int maxRecords, long maxBytes, Duration maxDelay) {
}
