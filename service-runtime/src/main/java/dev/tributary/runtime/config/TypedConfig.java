package dev.tributary.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Typed reads below one prefix. Every failure, Typesafe's own (missing, wrong type) or a range check, is a
 * {@link ConfigError} naming the full key, what was expected, the value given (masked if the key is secret) and
 * where it came from. Services build their config records from these reads and add cross-field checks with
 * {@link #invalid}.
 *
 * <pre>{@code
 * TypedConfig sink = config.at("sink");
 * Duration linger = sink.positiveDuration("linger");
 * Duration delivery = sink.positiveDuration("delivery-timeout");
 * if (delivery.compareTo(linger.plusSeconds(1)) < 0) {
 *     throw sink.invalid("delivery-timeout", "at least sink.linger + 1 second");
 * }
 * }</pre>
 */
public final class TypedConfig {

    private static final int MAX_SHOWN = 200;

    private final Config config;
    private final String prefix;
    private final Secrets secrets;

    public TypedConfig(Config config, String prefix, Secrets secrets) {
        this.config = config;
        this.prefix = prefix;
        this.secrets = secrets;
    }

    /** The reads below {@code child} ({@code at("sink").string("good-topic")} reads {@code <root>.sink.good-topic}). */
    public TypedConfig at(String child) {
        return new TypedConfig(config, key(child), secrets);
    }

    /** The full key of {@code name}: what error messages and READMEs call it. */
    public String key(String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    public boolean has(String name) {
        return config.hasPath(key(name));
    }

    public String string(String name) {
        try {
            return config.getString(key(name));
        } catch (ConfigException e) {
            throw wrong(name, "a string", e);
        }
    }

    public String nonBlank(String name) {
        String value = string(name);
        if (value.isBlank()) {
            throw invalid(name, "a non-empty string");
        }
        return value.trim();
    }

    /** Empty for a blank string: how reference.conf spells "not set" ({@code kms-key-id = ""}). */
    public Optional<String> optionalString(String name) {
        String value = string(name);
        return value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public boolean bool(String name) {
        try {
            return config.getBoolean(key(name));
        } catch (ConfigException e) {
            throw wrong(name, "true or false", e);
        }
    }

    public int intBetween(String name, int min, int max) {
        long value = longBetween(name, min, max);
        return (int) value;
    }

    public long longBetween(String name, long min, long max) {
        String expected = "an integer " + min + ".." + max;
        long value;
        try {
            value = config.getLong(key(name));
        } catch (ConfigException e) {
            throw wrong(name, expected, e);
        }
        if (value < min || value > max) {
            throw invalid(name, expected);
        }
        return value;
    }

    /** A TCP port; 0 lets the system pick a free one. */
    public int port(String name) {
        return intBetween(name, 0, 65_535);
    }

    public Duration duration(String name) {
        try {
            return config.getDuration(key(name));
        } catch (ConfigException e) {
            throw wrong(name, "a duration such as '10 seconds' or 500ms", e);
        }
    }

    public Duration positiveDuration(String name) {
        String expected = "a positive duration such as '10 seconds' or 500ms";
        Duration value;
        try {
            value = config.getDuration(key(name));
        } catch (ConfigException e) {
            throw wrong(name, expected, e);
        }
        if (value.isNegative() || value.isZero()) {
            throw invalid(name, expected);
        }
        return value;
    }

    /** A size in bytes ({@code 64MiB}, {@code 1048576}) between {@code min} and {@code max}. */
    public long bytesBetween(String name, long min, long max) {
        String expected = "a size in bytes such as 64MiB, " + min + ".." + max;
        long value;
        try {
            value = config.getBytes(key(name));
        } catch (ConfigException e) {
            throw wrong(name, expected, e);
        }
        if (value < min || value > max) {
            throw invalid(name, expected);
        }
        return value;
    }

    public List<String> strings(String name) {
        try {
            return List.copyOf(config.getStringList(key(name)));
        } catch (ConfigException e) {
            throw wrong(name, "a list of strings", e);
        }
    }

    /** An object of scalar values, keys as written (quoted keys may hold dots: Kafka property names). */
    public Map<String, String> stringMap(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, ConfigValue> e : config.getObject(key(name)).entrySet()) {
                Object raw = e.getValue().unwrapped();
                if (!(raw instanceof String) && !(raw instanceof Number) && !(raw instanceof Boolean)) {
                    String entryKey = key(name) + ".\"" + e.getKey() + "\"";
                    throw new ConfigError(entryKey, "a string, number or boolean", shown(entryKey, raw),
                            e.getValue().origin().description());
                }
                out.put(e.getKey(), String.valueOf(raw));
            }
        } catch (ConfigException e) {
            throw wrong(name, "an object of string values", e);
        }
        return Map.copyOf(out);
    }

    /** One of {@code allowed}, compared exactly. */
    public String oneOf(String name, Collection<String> allowed) {
        String value = string(name);
        if (!allowed.contains(value)) {
            throw invalid(name, "one of " + String.join(", ", allowed));
        }
        return value;
    }

    /**
     * An enum constant by name, ignoring case and treating {@code -} as {@code _}: {@code enriched-events},
     * {@code ENRICHED_EVENTS} and {@code enriched_events} all read as {@code ENRICHED_EVENTS}.
     */
    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String value = string(name);
        String normalised = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalised)) {
                return constant;
            }
        }
        List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        throw invalid(name, "one of " + String.join(", ", names));
    }

    public Pattern regex(String name) {
        String value = string(name);
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw invalid(name, "a valid regular expression (" + e.getDescription() + ")");
        }
    }

    /** An absolute {@code http} or {@code https} URL with a host. */
    public URI httpUrl(String name) {
        String value = nonBlank(name);
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below with the key
        }
        throw invalid(name, "an http(s) URL such as http://localhost:8081");
    }

    /** A file-system path; blank means not set. Existence is the caller's check: it knows file or directory. */
    public Optional<Path> optionalPath(String name) {
        Optional<String> value = optionalString(name);
        try {
            return value.map(Path::of);
        } catch (InvalidPathException e) {
            throw invalid(name, "a file-system path");
        }
    }

    /**
     * An error for {@code name} whose value failed a check Typesafe cannot express (range, format, another key).
     * The given value and its origin are filled in from the config.
     */
    public ConfigError invalid(String name, String expected) {
        String full = key(name);
        try {
            ConfigValue value = config.getValue(full);
            return new ConfigError(full, expected, shown(full, value.unwrapped()), value.origin().description());
        } catch (ConfigException e) {
            return new ConfigError(full, expected, "nothing");
        }
    }

    /** The underlying Typesafe config (whole tree, not just this prefix). */
    public Config raw() {
        return config;
    }

    private ConfigError wrong(String name, String expected, ConfigException cause) {
        String full = key(name);
        if (cause instanceof ConfigException.Missing && !config.hasPathOrNull(full)) {
            ConfigError error = new ConfigError(full, expected, "nothing (the key is missing)");
            error.initCause(cause);
            return error;
        }
        ConfigError error = invalid(name, expected);
        error.initCause(cause);
        return error;
    }

    private String shown(String fullKey, Object raw) {
        if (raw == null) {
            return "null";
        }
        if (secrets.isSecret(fullKey)) {
            return Secrets.MASK;
        }
        String text = raw instanceof String s ? "'" + Secrets.maskUrlCredentials(s) + "'" : String.valueOf(raw);
        return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "...'" : text;
    }
}
