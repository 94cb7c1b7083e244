package dev.tributary.schemas.iglu;

import java.util.Objects;

/**
 * One reason data did not match its schema: where ({@code $.a.b[0]} JSON path), the JSON Schema keyword
 * that failed, and a human message. Mirrors the {@code dataReports} entries of Snowplow bad rows.
 */
public record ValidationIssue(String path, String keyword, String message) {

    public ValidationIssue {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
