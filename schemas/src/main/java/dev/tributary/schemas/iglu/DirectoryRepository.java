package dev.tributary.schemas.iglu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * An embedded repository in a filesystem directory laid out like Iglu Central:
 * {@code <root>/schemas/vendor/name/format/version}.
 */
public final class DirectoryRepository extends AbstractRepository {

    private final Path root;
    private final Path schemas;

    public DirectoryRepository(String name, int priority, List<String> vendorPrefixes, Path root) {
        super(name, priority, vendorPrefixes);
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.schemas = this.root.resolve("schemas");
    }

    /**
     * Schema keys come from the events being validated, i.e. from whoever can reach the collector. A vendor such as
     * {@code ..} (legal in a vendor's character set) would otherwise resolve outside {@code schemas/}, so every path is
     * checked to stay inside it, each segment a plain name, before the file system is touched.
     */
    @Override
    public RepositoryLookup lookup(SchemaKey key) {
        Path file = schemas.resolve(key.vendor()).resolve(key.name())
                .resolve(key.format()).resolve(key.version().toString());
        if (!key.isPlainPath() || !file.normalize().startsWith(schemas)) {
            return new RepositoryLookup.InvalidSchema("schema key " + key + " would leave the repository root "
                    + schemas + "; refused");
        }
        try {
            return SchemaDocuments.read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            return new RepositoryLookup.NotFound();
        } catch (IOException e) {
            return new RepositoryLookup.Unreachable("cannot read " + file + ": " + e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public boolean isEmbedded() {
        return true;
    }

    @Override
    public String toString() {
        return "DirectoryRepository(" + name() + ", " + root + ")";
    }
}
