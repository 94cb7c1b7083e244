package dev.tributary.enrich.config;

/** A configuration value is missing or wrong; the message names the key and what was expected. */
public final class EnrichConfigException extends RuntimeException {

    private final String key;

    public EnrichConfigException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    public EnrichConfigException(String key, String message, Throwable cause) {
        super(key + ": " + message, cause);
        this.key = key;
    }

    /** The full config path, e.g. {@code enrich.output.partition-key}. */
    public String key() {
        return key;
    }
}
