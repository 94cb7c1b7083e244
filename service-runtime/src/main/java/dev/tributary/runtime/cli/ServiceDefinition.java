package dev.tributary.runtime.cli;

import dev.tributary.runtime.config.ConfigError;
import dev.tributary.runtime.config.Secrets;
import dev.tributary.runtime.config.TypedConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the runner needs to know about one service: its name (command name, env prefix, metric tag),
 * config root, how to turn the config into a validated record, and how to build the service from that record.
 *
 * <pre>{@code
 * static final ServiceDefinition<CollectorConfig> DEFINITION = ServiceDefinition
 *         .builder("collector", CollectorConfig::from, CollectorService::new)
 *         .description("Snowplow-compatible HTTP collector writing to Kafka")
 *         .versionOf(CollectorMain.class)
 *         .build();
 *
 * public static void main(String[] args) {
 *     ServiceRunner.main(DEFINITION, args);
 * }
 * }</pre>
 *
 * @param <C> the service's validated config record
 */
public record ServiceDefinition<C>(String name, String configRoot, String description, Class<?> versionAnchor,
                                   Binder<C> binder, Factory<C> factory, List<CliOption> options, Secrets secrets,
                                   Set<String> openObjects, boolean monitoring) {

    /** Builds the service's config record from the typed reads below its root; validation errors are {@link ConfigError}s. */
    @FunctionalInterface
    public interface Binder<C> {
        C bind(TypedConfig root);
    }

    /** Builds (does not start) the service. A {@link ConfigError} thrown here exits 2, anything else 1. */
    @FunctionalInterface
    public interface Factory<C> {
        Service create(C config, ServiceContext context) throws Exception;
    }

    public ServiceDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configRoot, "configRoot");
        Objects.requireNonNull(binder, "binder");
        Objects.requireNonNull(factory, "factory");
        options = List.copyOf(options);
        openObjects = Set.copyOf(openObjects);
    }

    public static <C> Builder<C> builder(String name, Binder<C> binder, Factory<C> factory) {
        return new Builder<>(name, binder, factory);
    }

    public static final class Builder<C> {
        private final String name;
        private final Binder<C> binder;
        private final Factory<C> factory;
        private String configRoot;
        private String description = "";
        private Class<?> versionAnchor;
        private final List<CliOption> options = new ArrayList<>();
        private Secrets secrets = Secrets.defaults();
        private Set<String> openObjects = Set.of();
        private boolean monitoring = true;

        private Builder(String name, Binder<C> binder, Factory<C> factory) {
            this.name = name;
            this.binder = binder;
            this.factory = factory;
            this.configRoot = name;
        }

        /** The HOCON path of the service's keys; defaults to the name ({@code tributary.s3-loader} for the loader). */
        public Builder<C> configRoot(String root) {
            this.configRoot = root;
            return this;
        }

        public Builder<C> description(String description) {
            this.description = description;
            return this;
        }

        /** A class in the service's jar: its manifest gives the version. Defaults to the class calling {@link #build}. */
        public Builder<C> versionOf(Class<?> anchor) {
            this.versionAnchor = anchor;
            return this;
        }

        public Builder<C> option(String flag, String configKey, String paramLabel, String description) {
            options.add(new CliOption(flag, configKey, paramLabel, description));
            return this;
        }

        /** Key-name markers masked in addition to the defaults ({@link Secrets#DEFAULT_MARKERS}). */
        public Builder<C> secretMarkers(String... markers) {
            this.secrets = Secrets.withExtra(List.of(markers));
            return this;
        }

        /** Objects below the root with free-form entries although reference.conf gives them defaults. */
        public Builder<C> openObjects(String... relativePaths) {
            this.openObjects = Set.of(relativePaths);
            return this;
        }

        /** Without monitoring the runner reads no {@code monitoring} block and serves nothing (CLI jobs). */
        public Builder<C> withoutMonitoring() {
            this.monitoring = false;
            return this;
        }

        public ServiceDefinition<C> build() {
            return new ServiceDefinition<>(name, configRoot, description,
                    versionAnchor == null ? StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                            .getCallerClass() : versionAnchor, binder, factory, options, secrets,
                    openObjects, monitoring);
        }
    }
}
