package dev.tributary.trigger.lock;

/** The lock exists: another run is going on, or a failed one left it for inspection. Exit code 17. */
public class LockHeldException extends RuntimeException {
    public LockHeldException(String message) {
        super(message);
    }
}
