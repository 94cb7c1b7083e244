package dev.tributary.schemas.iglu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * An embedded repository on the classpath: the schema for {@code vendor/name/format/version} lives at the
 * resource {@code <prefix>/schemas/vendor/name/format/version} (Snowplow's embedded layout).
 */
public final class ClasspathRepository extends AbstractRepository {

    private final String prefix;
    private final ClassLoader classLoader;

    public ClasspathRepository(String name, int priority, List<String> vendorPrefixes, String path,
                               ClassLoader classLoader) {
        super(name, priority, vendorPrefixes);
        this.prefix = trimSlashes(Objects.requireNonNull(path, "path"));
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    }

    public ClasspathRepository(String name, int priority, List<String> vendorPrefixes, String path) {
        this(name, priority, vendorPrefixes, path, ClasspathRepository.class.getClassLoader());
    }

    @Override
    public RepositoryLookup lookup(SchemaKey key) {
        String resource = (prefix.isEmpty() ? "" : prefix + "/") + "schemas/" + key.toPath();
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                return new RepositoryLookup.NotFound();
            }
            return SchemaDocuments.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "classpath:" + resource);
        } catch (IOException e) {
            return new RepositoryLookup.Unreachable("cannot read classpath:" + resource + ": " + e.getMessage());
        }
    }

    /** The classpath prefix, without leading or trailing slashes. */
    public String path() {
        return prefix;
    }

    @Override
    public boolean isEmbedded() {
        return true;
    }

    @Override
    public String toString() {
        return "ClasspathRepository(" + name() + ", /" + prefix + ")";
    }

    private static String trimSlashes(String path) {
        String p = path.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
