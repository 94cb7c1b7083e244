package dev.tributary.runtime.config;

import java.util.Optional;

/**
 * A configuration value is missing or wrong. The message names the full key, what was expected, what was given
 * and where it came from (file and line, environment variable, override), so an operator can fix it without
 * reading code. Secret values never reach {@link #actual()}: the reader masks them before building the error.
 */
public final class ConfigError extends RuntimeException {

    private final String key;
    private final String expected;
    private final String actual;
    private final String origin;

    public ConfigError(String key, String expected, String actual, String origin) {
        super(message(key, expected, actual, origin));
        this.key = key;
        this.expected = expected;
        this.actual = actual;
        this.origin = origin;
    }

    public ConfigError(String key, String expected, String actual) {
        this(key, expected, actual, null);
    }

    /** The full HOCON path ({@code collector.sink.linger}), or a pseudo-key such as {@code --config} for the file. */
    public String key() {
        return key;
    }

    public String expected() {
        return expected;
    }

    /** The given value as text ({@code 'abc'}, {@code nothing}), masked for secret keys. */
    public String actual() {
        return actual;
    }

    /** Where the value came from, when known. */
    public Optional<String> origin() {
        return Optional.ofNullable(origin);
    }

    private static String message(String key, String expected, String actual, String origin) {
        return key + ": expected " + expected + ", got " + actual + (origin == null ? "" : " (from " + origin + ")");
    }
}
