package dev.tributary.loader.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Masks the values of Kafka client properties that carry credentials ({@code sasl.jaas.config},
 * {@code ssl.key.password}, {@code basic.auth.user.info} ...) so that a config printed to a log shows which keys are set
 * but never what they hold.
 */
public final class SensitiveProperties {

    public static final String MASK = "****";

    private static final String[] SENSITIVE = {"password", "secret", "jaas", "credential", "token", "user.info",
        "key"};

    private SensitiveProperties() {
    }

    /** A sorted copy with every sensitive value replaced by {@value #MASK}. */
    public static Map<String, String> masked(Map<String, String> properties) {
        Map<String, String> copy = new TreeMap<>();
        properties.forEach((key, value) -> copy.put(key, isSensitive(key) ? MASK : value));
        return copy;
    }

    static boolean isSensitive(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String word : SENSITIVE) {
            // "key" alone would hide key.serializer; only a key *value* such as ssl.key.password or a private key.
            if (word.equals("key") ? lower.endsWith(".key") || lower.contains("private.key") : lower.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
