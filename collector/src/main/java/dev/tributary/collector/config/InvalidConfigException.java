package dev.tributary.collector.config;

/** A configuration value is missing or wrong; the message names the full key and what was expected. */
public final class InvalidConfigException extends RuntimeException {

    public InvalidConfigException(String key, String expected, Object actual) {
        super("collector config: " + key + ": expected " + expected + ", got " + describe(actual));
    }

    public InvalidConfigException(String message, Throwable cause) {
        super("collector config: " + message, cause);
    }

    private static String describe(Object actual) {
        return actual instanceof String s ? "'" + s + "'" : String.valueOf(actual);
    }
}
