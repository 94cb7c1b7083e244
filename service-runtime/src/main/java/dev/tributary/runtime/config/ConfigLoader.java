package dev.tributary.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads one service's configuration with the one precedence every Tributary service and CLI uses, lowest first:
 * <ol>
 *   <li>{@code reference.conf} on the classpath (the defaults; every key the service knows is defined there),</li>
 *   <li>the file given with {@code --config},</li>
 *   <li>environment variables {@code TRIBUTARY_<SERVICE>_<KEY>} (see {@link EnvNames}),</li>
 *   <li>overrides set in code (local-stack, command-line flags that stand for a key).</li>
 * </ol>
 * Substitutions ({@code ${...}}, {@code ${?VAR}}) are resolved after the layers are merged, so a file may still
 * read a secret from a variable of its choosing. System properties are not a layer: one rule, four sources.
 *
 * <p>Keys below the service's root that reference.conf does not define are collected as {@link UnknownKey}s
 * with the nearest known key; {@link LoadedConfig#requireKnownKeys()} turns them into an error.
 *
 * <pre>{@code
 * LoadedConfig loaded = ConfigLoader.forService("collector", "collector")
 *         .file(Path.of("collector.conf"))
 *         .environment(System.getenv())
 *         .load();
 * CollectorConfig config = CollectorConfig.from(loaded.typed());
 * }</pre>
 */
public final class ConfigLoader {

    private final String serviceName;
    private final String root;
    private ClassLoader classLoader = ConfigLoader.class.getClassLoader();
    private Path file;
    private Map<String, String> environment = Map.of();
    private final Map<String, Object> overrides = new LinkedHashMap<>();
    private Secrets secrets = Secrets.defaults();
    private Set<String> openObjects = Set.of();

    private ConfigLoader(String serviceName, String root) {
        this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
        this.root = Objects.requireNonNull(root, "root");
    }

    /**
     * @param serviceName names the environment variables ({@code s3-loader} -> {@code TRIBUTARY_S3_LOADER_...})
     * @param root        the HOCON path holding the service's keys ({@code collector}, {@code tributary.s3-loader})
     */
    public static ConfigLoader forService(String serviceName, String root) {
        return new ConfigLoader(serviceName, root);
    }

    /** Where {@code reference.conf} is looked up; defaults to this library's class loader. */
    public ConfigLoader classLoader(ClassLoader loader) {
        this.classLoader = Objects.requireNonNull(loader);
        return this;
    }

    /** The {@code --config} file; absent means reference.conf, environment and overrides only. */
    public ConfigLoader file(Path file) {
        this.file = file;
        return this;
    }

    public ConfigLoader file(Optional<Path> file) {
        this.file = file.orElse(null);
        return this;
    }

    /** The process environment ({@code System.getenv()}); tests pass a map. Only this service's prefix is read. */
    public ConfigLoader environment(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        return this;
    }

    /** One override by full key ({@code collector.port}); the value as Typesafe Config accepts it from Java. */
    public ConfigLoader override(String key, Object value) {
        overrides.put(key, value);
        return this;
    }

    public ConfigLoader overrides(Map<String, ?> values) {
        overrides.putAll(values);
        return this;
    }

    public ConfigLoader secrets(Secrets secrets) {
        this.secrets = Objects.requireNonNull(secrets);
        return this;
    }

    /**
     * Objects below the root whose entries are free-form although reference.conf gives them default entries
     * (an empty object in reference.conf is open without saying so). Paths relative to the root.
     */
    public ConfigLoader openObjects(Set<String> relativePaths) {
        this.openObjects = Set.copyOf(relativePaths);
        return this;
    }

    /** @throws ConfigError for an unreadable or unparsable file, a bad environment value, an unresolvable substitution */
    public LoadedConfig load() {
        Config referenceUnresolved = ConfigFactory.parseResources(classLoader, "reference.conf");
        KeyCatalog catalog = KeyCatalog.of(serviceName, root, referenceUnresolved.resolve(), openObjects);
        List<UnknownKey> unknown = new ArrayList<>();

        Config fileLayer = ConfigFactory.empty();
        if (file != null) {
            fileLayer = parseFile(file);
            unknown.addAll(unknownIn(fileLayer, catalog, file.getFileName().toString()));
        }
        Config envLayer = environmentLayer(catalog, unknown);
        Config overrideLayer = ConfigFactory.parseMap(overrides, "overrides in code");
        unknown.addAll(unknownIn(overrideLayer, catalog, "overrides"));

        Config merged;
        try {
            merged = overrideLayer.withFallback(envLayer).withFallback(fileLayer).withFallback(referenceUnresolved)
                    .resolve(ConfigResolveOptions.defaults());
        } catch (ConfigException.UnresolvedSubstitution e) {
            throw new ConfigError(file == null ? root : "--config", "substitutions that resolve",
                    e.getMessage(), e.origin() == null ? null : e.origin().description());
        } catch (ConfigException e) {
            throw new ConfigError(root, "a configuration that resolves", e.getMessage());
        }
        return new LoadedConfig(merged, root, secrets, List.copyOf(unknown), catalog.envTable());
    }

    private static Config parseFile(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ConfigError("--config", "a readable HOCON file", "'" + file + "'");
        }
        try {
            return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException e) {
            throw new ConfigError("--config", "a HOCON file that parses", "'" + file + "': " + e.getMessage());
        }
    }

    private Config environmentLayer(KeyCatalog catalog, List<UnknownKey> unknown) {
        String prefix = EnvNames.prefix(serviceName);
        Config layer = ConfigFactory.empty();
        for (Map.Entry<String, String> e : new TreeMap<>(environment).entrySet()) {
            String name = e.getKey();
            if (!name.startsWith(prefix)) {
                continue;
            }
            List<String> keys = catalog.keysForEnv(name);
            if (keys.isEmpty()) {
                unknown.add(new UnknownKey(name, "environment",
                        Suggestions.closest(name, catalog.envNames())));
                continue;
            }
            if (keys.size() > 1) {
                // Only possible when reference.conf has two keys differing in '.' versus '-' only.
                throw new ConfigError(name, "a variable naming one key (set one of "
                        + keys.stream().map(catalog::fullKey).toList() + " in the --config file instead)",
                        "a name shared by " + keys.size() + " keys", "environment");
            }
            String relative = keys.get(0);
            String fullKey = catalog.fullKey(relative);
            String origin = "environment variable " + name;
            ConfigValueType type = catalog.isOpenObject(relative) ? ConfigValueType.OBJECT
                    : catalog.leaf(relative).map(KeyCatalog.Leaf::type).orElse(ConfigValueType.STRING);
            ConfigValue value = type == ConfigValueType.LIST || type == ConfigValueType.OBJECT
                    ? structured(fullKey, name, e.getValue(), type)
                    : ConfigValueFactory.fromAnyRef(e.getValue(), origin);
            layer = layer.withValue(fullKey, value);
        }
        return layer;
    }

    /** A list or object key set from one variable: the value is HOCON (JSON works), e.g. {@code ["a","b"]}. */
    private ConfigValue structured(String fullKey, String envName, String text, ConfigValueType type) {
        String expected = type == ConfigValueType.LIST ? "a HOCON list such as [\"a\", \"b\"]"
                : "a HOCON object such as { \"compression.type\" = lz4 }";
        String shown = secrets.isSecret(fullKey) ? Secrets.MASK : "'" + Secrets.maskUrlCredentials(text) + "'";
        try {
            ConfigValue v = ConfigFactory.parseString("v = " + text,
                    ConfigParseOptions.defaults().setOriginDescription("environment variable " + envName))
                    .resolve().getValue("v");
            if (v.valueType() != type) {
                throw new ConfigError(fullKey, expected, shown, "environment variable " + envName);
            }
            return v;
        } catch (ConfigException e) {
            throw new ConfigError(fullKey, expected, shown, "environment variable " + envName);
        }
    }

    /** Keys below the root that the catalog does not know, plus near-misses of the root itself. */
    private static List<UnknownKey> unknownIn(Config layer, KeyCatalog catalog, String source) {
        List<UnknownKey> found = new ArrayList<>();
        List<String> rootSegments = catalog.rootSegments();
        ConfigObject object = layer.root();
        for (int depth = 0; depth < rootSegments.size(); depth++) {
            String expected = rootSegments.get(depth);
            for (String sibling : object.keySet()) {
                if (!sibling.equals(expected) && Suggestions.distance(sibling, expected) <= 2) {
                    List<String> path = new ArrayList<>(rootSegments.subList(0, depth));
                    path.add(sibling);
                    found.add(new UnknownKey(ConfigUtil.joinPath(path), source,
                            Optional.of(ConfigUtil.joinPath(rootSegments.subList(0, depth + 1)))));
                }
            }
            if (!(object.get(expected) instanceof ConfigObject next)) {
                return found;
            }
            object = next;
        }
        walkUnknown(object, new ArrayList<>(), catalog, source, found);
        // HOCON objects are unordered; sorted, the report (and the first key a strict load names) is stable.
        found.sort(java.util.Comparator.comparing(UnknownKey::name));
        return found;
    }

    private static void walkUnknown(ConfigObject object, List<String> segments, KeyCatalog catalog, String source,
                                    List<UnknownKey> found) {
        for (Map.Entry<String, ConfigValue> e : object.entrySet()) {
            List<String> path = new ArrayList<>(segments);
            path.add(e.getKey());
            String relative = ConfigUtil.joinPath(path);
            if (catalog.isKnown(relative)) {
                continue;
            }
            if (e.getValue() instanceof ConfigObject child && catalog.isInteriorObject(relative)) {
                walkUnknown(child, path, catalog, source, found);
                continue;
            }
            found.add(new UnknownKey(catalog.fullKey(relative), source, catalog.suggest(relative)));
        }
    }
}
