package dev.tributary.infra.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Data directories readable by their owner only (0700). They hold raw events (IP addresses, cookies, user agents)
 * and database files; other users of a shared machine have no business reading them. On a file system without POSIX
 * permissions the directories are created as usual.
 */
public final class OwnerOnlyDirectories {

    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /** For {@code Files.createTemp*}: owner-only from the first instant, no window in which others could open it. */
    public static final FileAttribute<?>[] ATTRIBUTE = posix()
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
            : new FileAttribute<?>[0];

    private OwnerOnlyDirectories() {
    }

    /**
     * Creates {@code dir} (and missing parents) owner-only, and makes it owner-only if it already existed: the caller
     * owns this directory and everything in it, so tightening an older, looser one is safe.
     */
    public static Path create(Path dir) {
        try {
            Files.createDirectories(dir, ATTRIBUTE);
            if (posix()) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir + " (owner-only, 0700)", e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
