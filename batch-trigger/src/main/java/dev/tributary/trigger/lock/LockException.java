package dev.tributary.trigger.lock;

/** The lock could not be read or written (I/O, Consul unreachable). Exit code 1. */
public class LockException extends RuntimeException {
    public LockException(String message, Throwable cause) {
        super(message, cause);
    }

    public LockException(String message) {
        super(message);
    }
}
