package dev.tributary.localstack.compose;

import dev.tributary.runtime.cli.ServiceDefinition;
import dev.tributary.runtime.config.ConfigError;
import dev.tributary.runtime.config.ConfigLoader;
import dev.tributary.runtime.config.LoadedConfig;
import dev.tributary.runtime.config.TypedConfig;
import dev.tributary.runtime.logging.Logging;
import dev.tributary.runtime.monitoring.MonitoringSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code TRIBUTARY_*} variables one of our programs reads, found from its main class, and a check of values:
 * <ul>
 *   <li>a service on service-runtime (a static {@link ServiceDefinition} field beside {@code main}): the variable of
 *       every key its reference.conf defines ({@link LoadedConfig#environmentNames()}), plus the logging variables
 *       of {@code tributary-logback.xml}; values are checked as {@code ServiceRunner} does at start: the config
 *       loaded with them (unknown keys refused), bound by the service's own binder, and its monitoring settings
 *       read;</li>
 *   <li>a picocli CLI (the batch-trigger): the {@code ${env:NAME}} defaults of its options, in every subcommand.</li>
 * </ul>
 */
abstract sealed class ServiceVariables {

    private static final Pattern TRIBUTARY_NAME = Pattern.compile("TRIBUTARY_[A-Z0-9_]+");
    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    /** Every TRIBUTARY_* name the program reads. */
    abstract Set<String> names();

    /** A problem with the values, or empty; only names in {@link #names()} are passed. */
    abstract Optional<String> checkValues(Map<String, String> environment);

    abstract String describe();

    static ServiceVariables of(Class<?> main) {
        Optional<ServiceDefinition<?>> definition = definition(main);
        if (definition.isPresent()) {
            return new RuntimeService(definition.get());
        }
        if (main.isAnnotationPresent(Command.class)) {
            return new PicocliCommand(main);
        }
        throw new IllegalArgumentException(main.getName() + " is neither a service-runtime service (no static "
                + "ServiceDefinition field) nor a picocli @Command");
    }

    private static Optional<ServiceDefinition<?>> definition(Class<?> main) {
        for (Field field : main.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ServiceDefinition.class) {
                try {
                    field.setAccessible(true);
                    return Optional.of((ServiceDefinition<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Optional.empty();
    }

    static final class RuntimeService extends ServiceVariables {
        private final ServiceDefinition<?> definition;

        RuntimeService(ServiceDefinition<?> definition) {
            this.definition = definition;
        }

        @Override
        Set<String> names() {
            Set<String> names = new TreeSet<>(loader(Map.of()).load().environmentNames().values());
            names.addAll(loggingVariables());
            return names;
        }

        @Override
        Optional<String> checkValues(Map<String, String> environment) {
            try {
                LoadedConfig loaded = loader(environment).load().requireKnownKeys();
                TypedConfig root = loaded.typed();
                definition.binder().bind(root);
                if (definition.monitoring()) {
                    MonitoringSettings.read(root.at("monitoring")); // read by ServiceRunner, not the binder
                }
                return Optional.empty();
            } catch (ConfigError e) {
                return Optional.of(e.getMessage());
            }
        }

        @Override
        String describe() {
            return "service " + definition.name() + " (root " + definition.configRoot() + ")";
        }

        private ConfigLoader loader(Map<String, String> environment) {
            return ConfigLoader.forService(definition.name(), definition.configRoot())
                    .classLoader(definition.versionAnchor().getClassLoader())
                    .environment(environment)
                    .secrets(definition.secrets())
                    .openObjects(definition.openObjects());
        }

        /** Logging is set by variables before any config is read; the resource names them. */
        private static Set<String> loggingVariables() {
            try (InputStream in = Logging.class.getClassLoader().getResourceAsStream(Logging.RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(Logging.RESOURCE + " is not on the classpath");
                }
                Set<String> names = new TreeSet<>();
                Matcher m = TRIBUTARY_NAME.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    names.add(m.group());
                }
                return names;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final class PicocliCommand extends ServiceVariables {
        private final Class<?> command;

        PicocliCommand(Class<?> command) {
            this.command = command;
        }

        @Override
        Set<String> names() {
            Set<String> names = new TreeSet<>();
            collect(command, names);
            return names;
        }

        private static void collect(Class<?> command, Set<String> names) {
            for (Field field : command.getDeclaredFields()) {
                Option option = field.getAnnotation(Option.class);
                if (option != null) {
                    Matcher m = ENV_DEFAULT.matcher(option.defaultValue());
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
            Command annotation = command.getAnnotation(Command.class);
            if (annotation != null) {
                for (Class<?> sub : annotation.subcommands()) {
                    collect(sub, names);
                }
            }
        }

        @Override
        Optional<String> checkValues(Map<String, String> environment) {
            return Optional.empty(); // the options' values are paths inside the image, checked when the CLI runs
        }

        @Override
        String describe() {
            return "picocli command " + command.getName();
        }
    }
}
