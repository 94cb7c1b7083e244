package dev.tributary.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version a service reports ({@code --version}, the {@code tributary_build_info} metric, bad-row processor
 * versions): the {@code Implementation-Version} of the jar holding the service's main class, which the parent
 * pom's jar plugin writes into every module's manifest. Run from classes rather than a jar (tests, an IDE) there
 * is no manifest, so it falls back to the project version filtered into this module's {@code version.properties}
 * at build time (one version for the whole multi-module build).
 */
public final class Version {

    private static final String FALLBACK_RESOURCE = "/dev/tributary/runtime/version.properties";

    private Version() {
    }

    /** The version of the jar that holds {@code anchor}, or of the build when it is not in a jar. */
    public static String of(Class<?> anchor) {
        Package p = anchor.getPackage();
        String fromManifest = p == null ? null : p.getImplementationVersion();
        return fromManifest != null && !fromManifest.isBlank() ? fromManifest : fromResource();
    }

    static String fromResource() {
        try (InputStream in = Version.class.getResourceAsStream(FALLBACK_RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String v = properties.getProperty("version", "unknown");
            // Unfiltered (a build that skipped resource filtering) reads as the placeholder itself.
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
