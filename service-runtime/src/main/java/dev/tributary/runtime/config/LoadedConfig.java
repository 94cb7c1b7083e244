package dev.tributary.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.util.List;
import java.util.Map;

/**
 * A service's resolved configuration, what was unknown in it, and the views a service needs: typed reads
 * ({@link #typed()}) and a rendering with secrets masked ({@link #render()}).
 */
public final class LoadedConfig {

    private final Config resolved;
    private final String root;
    private final Secrets secrets;
    private final List<UnknownKey> unknownKeys;
    private final Map<String, String> envNames;

    LoadedConfig(Config resolved, String root, Secrets secrets, List<UnknownKey> unknownKeys,
                 Map<String, String> envNames) {
        this.resolved = resolved;
        this.root = root;
        this.secrets = secrets;
        this.unknownKeys = unknownKeys;
        this.envNames = envNames;
    }

    /** Typed, validating reads below the service's root. */
    public TypedConfig typed() {
        return new TypedConfig(resolved, root, secrets);
    }

    /** The whole resolved config (every root on the classpath), for code that needs Typesafe's API directly. */
    public Config config() {
        return resolved;
    }

    public String root() {
        return root;
    }

    public Secrets secrets() {
        return secrets;
    }

    /** Keys and variables the service does not know, in file, environment, overrides order. */
    public List<UnknownKey> unknownKeys() {
        return unknownKeys;
    }

    /** Full key -> environment variable, for every key the service knows (the table READMEs print). */
    public Map<String, String> environmentNames() {
        return envNames;
    }

    /** @throws ConfigError naming the first unknown key (and how many there are) when there is any */
    public LoadedConfig requireKnownKeys() {
        if (!unknownKeys.isEmpty()) {
            UnknownKey first = unknownKeys.get(0);
            String more = unknownKeys.size() == 1 ? "" : " (and " + (unknownKeys.size() - 1) + " more unknown: "
                    + unknownKeys.subList(1, unknownKeys.size()).stream().map(UnknownKey::name).toList() + ")";
            throw new ConfigError(first.name(), "a key this service knows"
                    + first.suggestion().map(s -> " (did you mean " + s + "?)").orElse(""),
                    "an unknown key" + more, first.source());
        }
        return this;
    }

    /**
     * The effective configuration below the root as HOCON, secrets replaced by {@value Secrets#MASK} (and
     * credentials written into URLs): what {@code --print-config} shows.
     */
    public String render() {
        Config masked = resolved.getConfig(root);
        for (Map.Entry<String, ConfigValue> e : masked.entrySet()) {
            if (secrets.isSecret(e.getKey())) {
                masked = masked.withValue(e.getKey(), ConfigValueFactory.fromAnyRef(Secrets.MASK));
            } else if (e.getValue().unwrapped() instanceof String text) {
                String shown = Secrets.maskUrlCredentials(text);
                if (!shown.equals(text)) {
                    masked = masked.withValue(e.getKey(), ConfigValueFactory.fromAnyRef(shown));
                }
            }
        }
        return masked.atPath(root).root().render(ConfigRenderOptions.concise().setFormatted(true).setJson(false));
    }
}
