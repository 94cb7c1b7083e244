package dev.tributary.schemas.iglu;

/** A resolver configuration that cannot be used; {@link #key()} names the offending entry. */
public final class ResolverConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public ResolverConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    /** Path of the offending entry inside the config's data, e.g. {@code repositories[1].connection}. */
    public String key() {
        return key;
    }
}
