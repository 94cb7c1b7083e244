package dev.tributary.loader.config;

/** A configuration value is missing or invalid; the message names the key and what was expected. */
public final class LoaderConfigException extends RuntimeException {

    public LoaderConfigException(String key, String expected, Object actual) {
        super(key + ": expected " + expected + (actual == null ? "" : ", got '" + actual + "'"));
    }

    public LoaderConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
