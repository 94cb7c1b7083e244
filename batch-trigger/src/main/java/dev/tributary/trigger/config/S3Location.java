package dev.tributary.trigger.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An S3 folder: bucket and key prefix. The prefix always ends in "/" (EmrEtlRunner adds the trailing slash to every
 * bucket value) unless it is the bucket root, where it is empty.
 */
public record S3Location(String bucket, String prefix) {

    private static final Pattern URL = Pattern.compile("s3[an]?://([a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9])(/.*)?");

    public S3Location {
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        if (prefix.startsWith("/")) {
            prefix = prefix.substring(1);
        }
    }

    /** Parses {@code s3://bucket/some/path}; s3n:// and s3a:// are accepted because old configs use them. */
    public static Optional<S3Location> parse(String url) {
        Matcher m = URL.matcher(url.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String path = m.group(2) == null ? "" : m.group(2).replaceFirst("^/+", "");
        return Optional.of(new S3Location(m.group(1), path));
    }

    /** A sub-folder, e.g. {@code run=2026-12-01-09-00-00}; a trailing slash is added. */
    public S3Location folder(String name) {
        return new S3Location(bucket, prefix + name);
    }

    public String key(String name) {
        return prefix + name;
    }

    public String url() {
        return "s3://" + bucket + "/" + prefix;
    }

    /** The same folder as Hadoop's s3a file system names it (the local runner's child JVM reads it that way). */
    public String s3aUrl() {
        return "s3a://" + bucket + "/" + prefix;
    }

    public boolean contains(S3Location other) {
        return bucket.equals(other.bucket) && other.prefix.startsWith(prefix);
    }

    @Override
    public String toString() {
        return url();
    }
}
