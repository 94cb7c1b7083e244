package dev.tributary.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The key table of a service's README, generated from its reference.conf so the READMEs of all services share
 * one template and cannot drift from the code: key, default (secrets masked), environment variable, and the
 * comment written above the key in reference.conf.
 *
 * <pre>
 * java -cp collector.jar:... dev.tributary.runtime.config.KeyTable collector collector
 * java -cp ... dev.tributary.runtime.config.KeyTable s3-loader tributary.s3-loader customer-key
 * </pre>
 */
public final class KeyTable {

    private KeyTable() {
    }

    /** Arguments: service name, config root, extra secret markers. Prints the Markdown table. */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: KeyTable <service-name> <config-root> [secret-marker ...]");
            System.exit(2);
        }
        List<String> markers = List.of(args).subList(2, args.length);
        System.out.print(markdown(args[0], args[1], KeyTable.class.getClassLoader(), Secrets.withExtra(markers)));
    }

    public static String markdown(String serviceName, String root, ClassLoader loader, Secrets secrets) {
        Config reference = ConfigFactory.parseResources(loader, "reference.conf").resolve();
        KeyCatalog catalog = KeyCatalog.of(serviceName, root, reference, java.util.Set.of());
        StringBuilder sb = new StringBuilder("| key | default | environment variable | meaning |\n|---|---|---|---|\n");
        List<String> paths = new ArrayList<>(catalog.knownPaths());
        paths.sort(null);
        java.util.Map<String, String> env = catalog.envTable();
        for (String relative : paths) {
            String full = catalog.fullKey(relative);
            ConfigValue value = reference.getValue(full);
            String shown = secrets.isSecret(full) ? Secrets.MASK : value.render(ConfigRenderOptions.concise());
            String meaning = String.join(" ", value.origin().comments()).trim();
            sb.append("| `").append(relative).append("` | `").append(cell(shown)).append("` | `")
                    .append(env.getOrDefault(full, "")).append("` | ").append(cell(meaning)).append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
