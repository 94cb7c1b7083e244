package dev.tributary.warehouse.run;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a shredded run (or a folder of runs) lives: an S3 bucket and prefix ({@code s3://} and Hadoop's
 * {@code s3a://} mean the same objects) or a local directory ({@code file://} or a plain path).
 */
public sealed interface RunLocation {

    /** The last path segment, e.g. {@code run=2026-12-01-09-00-00}. */
    String folderName();

    /** A child folder of this one. */
    RunLocation child(String name);

    static RunLocation parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.startsWith("s3://") || text.startsWith("s3a://") || text.startsWith("s3n://")) {
            URI uri = URI.create(text);
            String bucket = uri.getHost();
            if (bucket == null || bucket.isEmpty()) {
                throw new IllegalArgumentException("no bucket in '" + text + "'");
            }
            String prefix = uri.getPath() == null ? "" : uri.getPath();
            if (prefix.startsWith("/")) {
                prefix = prefix.substring(1);
            }
            if (!prefix.isEmpty() && !prefix.endsWith("/")) {
                prefix = prefix + "/";
            }
            return new S3(bucket, prefix);
        }
        if (text.startsWith("file:")) {
            return new Local(Path.of(URI.create(text)));
        }
        if (text.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("unsupported scheme in '" + text + "'; use s3://, s3a://, file:// or a path");
        }
        return new Local(Path.of(text));
    }

    /** @param prefix empty or ending with {@code /} */
    record S3(String bucket, String prefix) implements RunLocation {
        @Override
        public String folderName() {
            String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
            return p.substring(p.lastIndexOf('/') + 1);
        }

        @Override
        public RunLocation child(String name) {
            return new S3(bucket, prefix + name + "/");
        }

        /** {@code s3://bucket/prefix/}: the form Redshift's COPY understands. */
        public String s3Uri() {
            return "s3://" + bucket + "/" + prefix;
        }

        @Override
        public String toString() {
            return s3Uri();
        }
    }

    record Local(Path directory) implements RunLocation {
        public Local {
            directory = directory.toAbsolutePath().normalize();
        }

        @Override
        public String folderName() {
            return directory.getFileName().toString();
        }

        @Override
        public RunLocation child(String name) {
            return new Local(directory.resolve(name));
        }

        @Override
        public String toString() {
            return directory.toString();
        }
    }
}
