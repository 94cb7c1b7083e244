package dev.tributary.schemas.registry;

/**
 * The registry refused a request or could not be reached. {@link #errorCode()} is the registry's
 * own code (e.g. 40403, 409, 42201), or -1 when no answer came back: an outage, not a verdict on the
 * data, so callers must not turn it into a bad row.
 */
public class SchemaRegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(String message, int status, int errorCode) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
        this.errorCode = -1;
    }

    /** HTTP status of the answer, or -1 when there was none. */
    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }
}
