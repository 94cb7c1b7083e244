package dev.tributary.schemas.badrows;

import java.util.Objects;
import java.util.regex.Pattern;

/** The application that emitted a bad row, e.g. {@code tributary-stream-enrich 0.1.0}. */
public record Processor(String artifact, String version) {

    // The bad-row schemas require a version starting with MAJOR.MINOR.PATCH.
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+.*");

    public Processor {
        Objects.requireNonNull(artifact, "artifact");
        if (artifact.isBlank() || artifact.length() > 512) {
            throw new IllegalArgumentException("artifact must be 1 to 512 characters");
        }
        if (version == null || !VERSION.matcher(version).matches() || version.length() > 32) {
            throw new IllegalArgumentException("version must look like 1.2.3 (at most 32 characters), got "
                    + version);
        }
    }
}
