package dev.tributary.warehouse.target;

/** A storage target JSON that cannot be used; the message names the file and the offending key. */
public final class TargetConfigException extends RuntimeException {

    private final String key;

    public TargetConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    /** The JSON key (dotted path) at fault, e.g. {@code password} or {@code jdbc.sslMode}. */
    public String key() {
        return key;
    }
}
