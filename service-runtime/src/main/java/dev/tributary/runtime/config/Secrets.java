package dev.tributary.runtime.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which keys hold secrets, by name: a key is secret when any of its path segments contains one of the markers
 * (case-insensitive). Matching on segments rather than whole keys also covers free-form maps passed through to
 * Kafka or AWS clients, e.g. {@code sink.producer."ssl.keystore.password"} or {@code "sasl.jaas.config"}.
 */
public final class Secrets {

    /** Rendered in place of a secret value. */
    public static final String MASK = "******";

    /**
     * The markers every service gets. {@code jaas} because a Kafka {@code sasl.jaas.config} carries the password
     * inline; {@code credential} for AWS-style settings; {@code user.info} for the Schema Registry client's
     * {@code basic.auth.user.info} ({@code user:password}).
     */
    public static final List<String> DEFAULT_MARKERS =
            List.of("password", "secret", "token", "key-material", "jaas", "credential", "user.info");

    /** {@code scheme://user:password@}: credentials written into a URL (a registry's, a JDBC URL) under any key. */
    private static final Pattern URL_USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@\\s]+@");

    private final Set<String> markers;

    private Secrets(Set<String> markers) {
        this.markers = Set.copyOf(markers);
    }

    public static Secrets defaults() {
        return new Secrets(Set.copyOf(DEFAULT_MARKERS));
    }

    /** The defaults plus {@code extra} markers (e.g. {@code customer-key} for an SSE-C key). */
    public static Secrets withExtra(Iterable<String> extra) {
        Set<String> all = new LinkedHashSet<>(DEFAULT_MARKERS);
        for (String m : extra) {
            all.add(m.toLowerCase(Locale.ROOT));
        }
        return new Secrets(all);
    }

    public boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String marker : markers) {
            if (lower.contains(marker)) {
                return true;
            }
        }
        return holdsPrivateKey(lower);
    }

    /**
     * Kafka's PEM settings hold the private key itself ({@code ssl.keystore.key}); "key" as a marker would also hide
     * {@code key.serializer} and {@code partition-key}, so only a last segment {@code key} counts.
     */
    private static boolean holdsPrivateKey(String lower) {
        String unquoted = lower.endsWith("\"") ? lower.substring(0, lower.length() - 1) : lower;
        return unquoted.endsWith(".key") || unquoted.contains("private.key") || unquoted.contains("private-key");
    }

    /** A copy sorted by key, each secret value replaced by {@link #MASK}: for logging client properties. */
    public java.util.SortedMap<String, String> masked(java.util.Map<String, String> properties) {
        java.util.SortedMap<String, String> copy = new java.util.TreeMap<>();
        properties.forEach((key, value) -> copy.put(key, mask(key, value)));
        return copy;
    }

    /** {@code value}, or {@link #MASK} when {@code key} is secret; in any other value, URL credentials are masked. */
    public String mask(String key, String value) {
        return isSecret(key) ? MASK : maskUrlCredentials(value);
    }

    /** {@code http://user:pw@host/} becomes {@code http://******@host/}; text without URL credentials is unchanged. */
    public static String maskUrlCredentials(String text) {
        return text == null ? null : URL_USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
    }

    public Set<String> markers() {
        return markers;
    }
}
