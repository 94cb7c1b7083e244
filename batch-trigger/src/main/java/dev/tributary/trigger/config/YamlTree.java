package dev.tributary.trigger.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed reads from a parsed YAML document by dotted key path. A wrong value is recorded as a {@link ConfigProblem}
 * and a neutral value returned, so one pass over a file finds every problem. Blank scalars count as absent, the way
 * EmrEtlRunner treats {@code key:} with nothing after it.
 */
final class YamlTree {

    private final Map<?, ?> root;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Set<String> read = new LinkedHashSet<>();

    YamlTree(Map<?, ?> root) {
        this.root = root;
    }

    List<ConfigProblem> problems() {
        return problems;
    }

    void problem(String path, String expected, Object given) {
        problems.add(new ConfigProblem(path, expected, given == null ? null : String.valueOf(given)));
    }

    /** The raw value at a path, or null when a segment is missing or not a mapping. */
    Object raw(String path) {
        read.add(path);
        Object node = root;
        for (String segment : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(segment);
        }
        return node;
    }

    boolean present(String path) {
        Object v = raw(path);
        return v != null && !(v instanceof String s && s.isBlank());
    }

    Optional<String> optionalString(String path) {
        Object v = raw(path);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map || v instanceof List) {
            problem(path, "a single value", v);
            return Optional.empty();
        }
        String s = String.valueOf(v).trim();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    String string(String path) {
        return optionalString(path).orElseGet(() -> {
            problem(path, "a value", raw(path));
            return "";
        });
    }

    boolean bool(String path, boolean fallback) {
        Object v = raw(path);
        if (v == null || (v instanceof String s && s.isBlank())) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        problem(path, "true or false", v);
        return fallback;
    }

    Optional<Integer> optionalNonNegativeInt(String path) {
        Object v = raw(path);
        if (v == null || (v instanceof String s && s.isBlank())) {
            return Optional.empty();
        }
        if (v instanceof Integer i && i >= 0) {
            return Optional.of(i);
        }
        if (v instanceof Long l && l >= 0 && l <= Integer.MAX_VALUE) {
            return Optional.of(l.intValue());
        }
        // YAML gives "x" or "2" (quoted) as strings; a quoted number is accepted because Ruby's YAML users write both.
        if (v instanceof String s && s.trim().matches("\\d{1,9}")) {
            return Optional.of(Integer.parseInt(s.trim()));
        }
        problem(path, "a non-negative integer", v);
        return Optional.empty();
    }

    int nonNegativeInt(String path) {
        Object v = raw(path);
        Optional<Integer> value = optionalNonNegativeInt(path);
        if (value.isEmpty() && (v == null || (v instanceof String s && s.isBlank()))) {
            problem(path, "a non-negative integer", v);
        }
        return value.orElse(0);
    }

    Optional<BigDecimal> optionalPositiveDecimal(String path) {
        Object v = raw(path);
        if (v == null || (v instanceof String s && s.isBlank())) {
            return Optional.empty();
        }
        if (v instanceof Number || v instanceof String) {
            try {
                BigDecimal d = new BigDecimal(String.valueOf(v).trim());
                if (d.signum() > 0) {
                    return Optional.of(d);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problem(path, "a positive price in USD or nothing", v);
        return Optional.empty();
    }

    /** A mapping of scalars; values are rendered as strings because EMR and tags only take strings. */
    Map<String, String> stringMap(String path) {
        Object v = raw(path);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null || (v instanceof String s && s.isBlank())) {
            return out;
        }
        if (!(v instanceof Map<?, ?> map)) {
            problem(path, "a mapping of names to values", v);
            return out;
        }
        map.forEach((k, value) -> {
            if (value instanceof Map || value instanceof List) {
                problem(path + "." + k, "a single value", value);
            } else {
                out.put(String.valueOf(k), value == null ? "" : String.valueOf(value));
            }
        });
        return out;
    }

    /** Names of the children of a mapping, empty if absent. */
    Set<String> children(String path) {
        Object v = path.isEmpty() ? root : raw(path);
        Set<String> out = new LinkedHashSet<>();
        if (v instanceof Map<?, ?> map) {
            map.keySet().forEach(k -> out.add(String.valueOf(k)));
        } else if (v != null && !(v instanceof String s && s.isBlank())) {
            problem(path, "a mapping", v);
        }
        return out;
    }

    List<String> stringList(String path) {
        Object v = raw(path);
        List<String> out = new ArrayList<>();
        if (v == null || (v instanceof String s && s.isBlank())) {
            return out;
        }
        if (!(v instanceof List<?> list)) {
            problem(path, "a list", v);
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item == null || item instanceof Map || item instanceof List) {
                problem(path + "[" + i + "]", "a single value", item);
            } else {
                out.add(String.valueOf(item).trim());
            }
        }
        return out;
    }

    /** Every leaf path in the document (mappings descended, lists and scalars are leaves). */
    List<String> leafPaths() {
        List<String> out = new ArrayList<>();
        collect("", root, out);
        return out;
    }

    private static void collect(String prefix, Object node, List<String> out) {
        if (node instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((k, v) -> collect(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (!prefix.isEmpty()) {
            out.add(prefix);
        }
    }
}
