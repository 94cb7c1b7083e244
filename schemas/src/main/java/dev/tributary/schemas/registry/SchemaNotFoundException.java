package dev.tributary.schemas.registry;

/** No such schema id, subject or version (HTTP 404, codes 40401/40402/40403). */
public final class SchemaNotFoundException extends SchemaRegistryException {

    public SchemaNotFoundException(String message, int errorCode) {
        super(message, 404, errorCode);
    }
}
