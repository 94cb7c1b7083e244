package dev.tributary.loader.config;

import java.net.URI;
import java.util.Optional;

/** Where and how objects are written. */
public record S3Output(
        String bucket,
        String prefix,
        String partitionFormat,
        String region,
        Optional<URI> endpoint,
        boolean pathStyle,
        long multipartThreshold,
        long partSize,
        TimeSource timeSource) {
}
