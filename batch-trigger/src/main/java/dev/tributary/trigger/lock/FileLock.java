package dev.tributary.trigger.lock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code --lock PATH}: the lock is the file. Creating it with CREATE_NEW makes "check and take" one atomic step, so
 * two runs started together cannot both get it. The file holds the holder's PID for whoever investigates.
 */
public final class FileLock implements RunLock {

    private final Path path;
    private final long pid;

    public FileLock(Path path, long pid) {
        this.path = path;
        this.pid = pid;
    }

    @Override
    public void acquire() {
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, Long.toString(pid), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new LockHeldException("lock " + path + " is held (" + holder() + "); remove it once no run is "
                    + "going on and a failed run has been cleaned up");
        } catch (IOException e) {
            throw new LockException("cannot create lock file " + path, e);
        }
    }

    @Override
    public void acquireIgnoringHolder() {
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, Long.toString(pid), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LockException("cannot write lock file " + path, e);
        }
    }

    @Override
    public void release() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new LockException("cannot remove lock file " + path, e);
        }
    }

    @Override
    public String describe() {
        return "file lock " + path;
    }

    private String holder() {
        try {
            return "pid " + Files.readString(path).trim();
        } catch (IOException e) {
            return "holder unreadable";
        }
    }
}
