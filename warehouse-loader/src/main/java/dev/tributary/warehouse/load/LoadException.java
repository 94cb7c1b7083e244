package dev.tributary.warehouse.load;

/** A load that failed; nothing of it was committed. */
public class LoadException extends Exception {

    public LoadException(String message) {
        super(message);
    }

    public LoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
