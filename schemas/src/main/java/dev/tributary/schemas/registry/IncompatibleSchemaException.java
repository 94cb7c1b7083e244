package dev.tributary.schemas.registry;

/** The subject's compatibility level refuses the schema (HTTP 409). */
public final class IncompatibleSchemaException extends SchemaRegistryException {

    public IncompatibleSchemaException(String message, int errorCode) {
        super(message, 409, errorCode);
    }
}
