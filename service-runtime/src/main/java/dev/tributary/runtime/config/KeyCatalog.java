package dev.tributary.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The keys a service knows: every leaf below its root in {@code reference.conf}, plus "open" objects whose
 * entries are free-form (an empty object in reference.conf such as {@code producer {}}, or one named by the
 * service). Also the index from environment variable name to key (see {@link EnvNames}).
 */
final class KeyCatalog {

    /** A known leaf: its path below the root (HOCON path expression) and the type of its default. */
    record Leaf(String path, ConfigValueType type) {
    }

    private final String serviceName;
    private final List<String> rootSegments;
    private final Map<String, Leaf> leaves = new TreeMap<>();
    private final Set<String> openObjects;
    private final Map<String, List<String>> byEnvName = new LinkedHashMap<>();

    private KeyCatalog(String serviceName, List<String> rootSegments, Set<String> openObjects) {
        this.serviceName = serviceName;
        this.rootSegments = rootSegments;
        this.openObjects = openObjects;
    }

    /** {@code reference} must be resolved and hold an object at {@code root}. */
    static KeyCatalog of(String serviceName, String root, Config reference, Set<String> declaredOpen) {
        if (!reference.hasPath(root)) {
            throw new IllegalStateException("no reference.conf on the classpath defines '" + root + "'");
        }
        java.util.Set<String> open = new java.util.TreeSet<>(declaredOpen);
        KeyCatalog catalog = new KeyCatalog(serviceName, ConfigUtil.splitPath(root), open);
        catalog.walk(reference.getObject(root), new ArrayList<>());
        return catalog;
    }

    private void walk(ConfigObject object, List<String> segments) {
        for (Map.Entry<String, ConfigValue> e : object.entrySet()) {
            List<String> path = new ArrayList<>(segments);
            path.add(e.getKey());
            String joined = ConfigUtil.joinPath(path);
            if (e.getValue() instanceof ConfigObject child && !openObjects.contains(joined)) {
                if (child.isEmpty()) {
                    openObjects.add(joined);
                } else {
                    walk(child, path);
                }
                continue;
            }
            leaves.put(joined, new Leaf(joined, e.getValue().valueType()));
            byEnvName.computeIfAbsent(EnvNames.name(serviceName, path), k -> new ArrayList<>()).add(joined);
        }
        // Open objects can be set whole from the environment, as HOCON.
        for (String o : openObjects) {
            List<String> path = ConfigUtil.splitPath(o);
            if (path.size() == segments.size() + 1 && path.subList(0, segments.size()).equals(segments)) {
                List<String> keys = byEnvName.computeIfAbsent(EnvNames.name(serviceName, path), k -> new ArrayList<>());
                if (!keys.contains(o)) {
                    keys.add(o);
                }
            }
        }
    }

    String root() {
        return ConfigUtil.joinPath(rootSegments);
    }

    List<String> rootSegments() {
        return rootSegments;
    }

    String serviceName() {
        return serviceName;
    }

    String fullKey(String relative) {
        return root() + "." + relative;
    }

    /** A relative path is known if it is a leaf, an open object, or inside an open object. */
    boolean isKnown(String relative) {
        if (leaves.containsKey(relative) || openObjects.contains(relative)) {
            return true;
        }
        for (String open : openObjects) {
            if (relative.startsWith(open + ".")) {
                return true;
            }
        }
        return false;
    }

    boolean isOpenObject(String relative) {
        return openObjects.contains(relative);
    }

    /** Whether {@code relative} names an object in reference.conf (so children are checked, not the object). */
    boolean isInteriorObject(String relative) {
        String prefix = relative + ".";
        return leaves.keySet().stream().anyMatch(k -> k.startsWith(prefix))
                || openObjects.stream().anyMatch(k -> k.startsWith(prefix));
    }

    Optional<Leaf> leaf(String relative) {
        return Optional.ofNullable(leaves.get(relative));
    }

    /** The keys whose environment name is {@code name}: none, one, or (a reference.conf bug) several. */
    List<String> keysForEnv(String name) {
        return byEnvName.getOrDefault(name, List.of());
    }

    Collection<String> envNames() {
        return byEnvName.keySet();
    }

    Collection<String> knownPaths() {
        List<String> all = new ArrayList<>(leaves.keySet());
        all.addAll(openObjects);
        return all;
    }

    /** The environment variable for each known key, in key order: the table a README prints. */
    Map<String, String> envTable() {
        Map<String, String> table = new TreeMap<>();
        byEnvName.forEach((env, keys) -> keys.forEach(k -> table.put(fullKey(k), env)));
        return table;
    }

    Optional<String> suggest(String relative) {
        return Suggestions.closest(relative, knownPaths()).map(this::fullKey);
    }
}
