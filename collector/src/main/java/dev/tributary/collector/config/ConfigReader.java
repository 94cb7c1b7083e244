package dev.tributary.collector.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Typed reads below one prefix that turn every Typesafe Config error into an {@link InvalidConfigException}
 * naming the full key and the expected kind of value.
 */
final class ConfigReader {

    private final Config config;
    private final String prefix;

    ConfigReader(Config config, String prefix) {
        this.config = config;
        this.prefix = prefix;
    }

    ConfigReader at(String child) {
        return new ConfigReader(config, key(child));
    }

    String key(String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    String string(String name) {
        try {
            return config.getString(key(name));
        } catch (ConfigException e) {
            throw wrong(name, "a string", e);
        }
    }

    String nonBlank(String name) {
        String value = string(name);
        if (value.isBlank()) {
            throw new InvalidConfigException(key(name), "a non-empty string", value);
        }
        return value;
    }

    boolean bool(String name) {
        try {
            return config.getBoolean(key(name));
        } catch (ConfigException e) {
            throw wrong(name, "true or false", e);
        }
    }

    int intBetween(String name, int min, int max) {
        int value;
        try {
            value = config.getInt(key(name));
        } catch (ConfigException e) {
            throw wrong(name, "an integer " + min + ".." + max, e);
        }
        if (value < min || value > max) {
            throw new InvalidConfigException(key(name), "an integer " + min + ".." + max, value);
        }
        return value;
    }

    Duration positiveDuration(String name) {
        Duration value;
        try {
            value = config.getDuration(key(name));
        } catch (ConfigException e) {
            throw wrong(name, "a duration such as '10 seconds'", e);
        }
        if (value.isNegative() || value.isZero()) {
            throw new InvalidConfigException(key(name), "a positive duration", value);
        }
        return value;
    }

    List<String> strings(String name) {
        try {
            return List.copyOf(config.getStringList(key(name)));
        } catch (ConfigException e) {
            throw wrong(name, "a list of strings", e);
        }
    }

    Pattern regex(String name) {
        String value = string(name);
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new InvalidConfigException(key(name), "a valid regular expression", value);
        }
    }

    /** An object of string values, keys kept as written (quoted keys may contain dots and slashes). */
    Map<String, String> stringMap(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, ConfigValue> e : config.getObject(key(name)).entrySet()) {
                Object raw = e.getValue().unwrapped();
                if (!(raw instanceof String) && !(raw instanceof Number) && !(raw instanceof Boolean)) {
                    throw new InvalidConfigException(key(name) + ".\"" + e.getKey() + "\"", "a string", raw);
                }
                out.put(e.getKey(), String.valueOf(raw));
            }
        } catch (ConfigException e) {
            throw wrong(name, "an object of string values", e);
        }
        return Map.copyOf(out);
    }

    private InvalidConfigException wrong(String name, String expected, ConfigException cause) {
        String reason = cause instanceof ConfigException.Missing ? "missing" : cause.getMessage();
        return new InvalidConfigException(key(name) + ": expected " + expected + " (" + reason + ")", cause);
    }
}
