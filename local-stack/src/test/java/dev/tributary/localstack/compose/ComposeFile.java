package dev.tributary.localstack.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A docker-compose.yml read the way Compose reads it, as far as the checks need: services, their build's Dockerfile,
 * their environment (map or {@code KEY=VALUE} list, YAML merge keys included) with Compose's interpolation applied
 * as if no variable were set ({@code ${X:-default}} gives the default, {@code ${X}} nothing, {@code $$} a dollar).
 */
public record ComposeFile(Path directory, Map<String, ComposeService> services) {

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

    public static ComposeFile read(Path file) {
        try {
            return parse(file.toAbsolutePath().getParent(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static ComposeFile parse(Path directory, String yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(root instanceof Map<?, ?> top) || !(top.get("services") instanceof Map<?, ?> services)) {
            throw new IllegalArgumentException("not a compose file: no 'services' mapping");
        }
        Map<String, ComposeService> parsed = new LinkedHashMap<>();
        services.forEach((name, body) -> parsed.put(String.valueOf(name),
                service(String.valueOf(name), (Map<String, Object>) body, directory)));
        return new ComposeFile(directory, parsed);
    }

    private static ComposeService service(String name, Map<String, Object> body, Path directory) {
        Optional<Path> dockerfile = Optional.empty();
        if (body.get("build") instanceof Map<?, ?> build) {
            Object contextValue = build.get("context");
            Path context = directory.resolve(interpolate(contextValue == null ? "." : contextValue.toString()));
            Object file = build.get("dockerfile");
            dockerfile = Optional.of(context.resolve(file == null ? "Dockerfile" : interpolate(file.toString()))
                    .normalize());
        } else if (body.get("build") instanceof String context) {
            dockerfile = Optional.of(directory.resolve(interpolate(context)).resolve("Dockerfile").normalize());
        }
        return new ComposeService(name, dockerfile, environment(body.get("environment")), body);
    }

    private static Map<String, String> environment(Object environment) {
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : interpolate(String.valueOf(v))));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String text = String.valueOf(entry);
                int eq = text.indexOf('=');
                env.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : interpolate(text.substring(eq + 1)));
            }
        }
        return env;
    }

    /** Compose's interpolation with an empty shell environment: what the file means by itself. */
    static String interpolate(String value) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group().equals("$$") ? "$" : Optional.ofNullable(m.group(2)).orElse("");
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    /**
     * @param dockerfile the Dockerfile its {@code build} names, resolved against the compose file's directory
     * @param raw        the service's mapping as parsed, for checks of other settings
     */
    public record ComposeService(String name, Optional<Path> dockerfile, Map<String, String> environment,
                                 Map<String, Object> raw) {
    }
}
