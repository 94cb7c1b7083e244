package dev.tributary.infra.registry;

/**
 * A failure the REST API reports to its caller, carrying the HTTP status and Confluent's finer error code,
 * so that Confluent clients recognise the condition.
 */
public final class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int errorCode;

    public RegistryException(int httpStatus, int errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
    }

    static RegistryException versionNotFound(String version) {
        return new RegistryException(404, 40402, "Version " + version + " not found.");
    }

    static RegistryException schemaNotFound() {
        return new RegistryException(404, 40403, "Schema not found");
    }

    static RegistryException subjectCompatibilityNotConfigured(String subject) {
        return new RegistryException(404, 40408,
            "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    static RegistryException incompatibleSchema(String subject, Object details) {
        return new RegistryException(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
            + subject + "\", details: " + details);
    }

    static RegistryException invalidSchema(String reason) {
        return new RegistryException(422, 42201, "Invalid schema: " + reason);
    }

    static RegistryException invalidVersion(String version) {
        return new RegistryException(422, 42202, "The specified version '" + version + "' is not a valid version id. "
            + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryException invalidCompatibilityLevel(String level) {
        return new RegistryException(422, 42203, "Invalid compatibility level. Valid values are none, backward, forward, "
            + "full, backward_transitive, forward_transitive, and full_transitive; got '" + level + "'");
    }

    static RegistryException storeFailure(String message, Throwable cause) {
        RegistryException exception = new RegistryException(500, 50001, message);
        exception.initCause(cause);
        return exception;
    }

    static RegistryException storeTimeout(String message) {
        return new RegistryException(500, 50002, message);
    }
}
