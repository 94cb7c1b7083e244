package dev.tributary.loader.config;

import java.time.Duration;

/**
 * When a partition's buffer becomes an object (whichever limit is reached first), and how hard its gzip body is
 * compressed: 1 is fastest, 9 smallest; gzip's own default is 6.
 */
public record BufferConfig(int maxRecords, long maxBytes, Duration maxDelay, int gzipLevel) {

    public static final int DEFAULT_GZIP_LEVEL = 6;

    public BufferConfig {
        if (gzipLevel < 1 || gzipLevel > 9) {
            throw new IllegalArgumentException("gzipLevel must be 1 to 9, got " + gzipLevel);
        }
    }

    public BufferConfig(int maxRecords, long maxBytes, Duration maxDelay) {
        this(maxRecords, maxBytes, maxDelay, DEFAULT_GZIP_LEVEL);
    }
}
