package dev.tributary.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import dev.tributary.runtime.config.EnvNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operator docs name config keys and environment variables of the streaming services; each must exist in that
 * service's reference.conf, so a renamed key cannot leave a page pointing at nothing. local-stack is the one module
 * whose test classpath holds every service's reference.conf.
 */
class DocumentedKeysTest {

    private static final Path PROJECT_ROOT = Path.of("").toAbsolutePath().getParent();

    /** Service name (for environment variables) to config root, as each service's ConfigLoader is set up. */
    private static final Map<String, String> ROOTS = Map.of(
            "collector", "collector",
            "stream-enrich", "enrich",
            "s3-loader", "tributary.s3-loader");

    /** A whole backticked span that is a key of one of the roots (no wildcards, braces or underscores). */
    private static final Pattern KEY_SPAN =
            Pattern.compile("`((?:collector|enrich|tributary\\.s3-loader)(?:\\.[a-z0-9-]+)+)`");
    private static final Pattern ENV_NAME = Pattern.compile("\\bTRIBUTARY_(?:COLLECTOR|STREAM_ENRICH|S3_LOADER)_[A-Z0-9_]+\\b");

    private static final Config REFERENCE = ConfigFactory.defaultReference();

    @ParameterizedTest
    @ValueSource(strings = {"docs/from-snowplow.md", "docs/operations.md"})
    void everyKeyAndVariableNamedInThePageExists(String page) throws IOException {
        String text = Files.readString(PROJECT_ROOT.resolve(page));
        Set<String> keys = new TreeSet<>();
        Set<String> variables = new TreeSet<>();
        ROOTS.forEach((service, root) -> walk(service, root, REFERENCE.getObject(root), new ArrayList<>(), keys, variables));

        List<String> namedKeys = matches(KEY_SPAN, text, 1);
        List<String> namedVariables = matches(ENV_NAME, text, 0);

        // Guards against a pattern that silently matches nothing after the page is restructured.
        assertThat(namedKeys).as("keys named in %s", page).hasSizeGreaterThan(10);
        // Only the unknown names in the message, not the whole catalog.
        Set<String> unknown = new TreeSet<>();
        namedKeys.stream().filter(k -> !keys.contains(k)).forEach(unknown::add);
        namedVariables.stream().filter(v -> !variables.contains(v)).forEach(unknown::add);
        assertThat(unknown).as("keys and variables named in %s that no reference.conf defines", page).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"collector", "enrich", "tributary.s3-loader"})
    void theSnowplowPageMapsKeysOfEveryService(String root) throws IOException {
        String text = Files.readString(PROJECT_ROOT.resolve("docs/from-snowplow.md"));
        assertThat(matches(KEY_SPAN, text, 1)).filteredOn(k -> k.startsWith(root + "."))
                .as("keys of %s mapped in from-snowplow.md", root).hasSizeGreaterThan(10);
    }

    /** Every object and leaf path below a root (empty objects such as sink.producer included), with its variable. */
    private static void walk(String service, String path, ConfigObject object, List<String> relative,
                             Set<String> keys, Set<String> variables) {
        keys.add(path);
        if (!relative.isEmpty()) {
            variables.add(EnvNames.name(service, relative));
        }
        for (Map.Entry<String, ConfigValue> e : object.entrySet()) {
            List<String> child = new ArrayList<>(relative);
            child.add(e.getKey());
            String childPath = path + "." + e.getKey();
            if (e.getValue() instanceof ConfigObject nested) {
                walk(service, childPath, nested, child, keys, variables);
            } else {
                keys.add(childPath);
                variables.add(EnvNames.name(service, child));
            }
        }
    }

    private static List<String> matches(Pattern pattern, String text, int group) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(group));
        }
        return found;
    }
}
