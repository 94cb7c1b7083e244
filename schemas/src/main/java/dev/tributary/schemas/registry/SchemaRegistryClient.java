package dev.tributary.schemas.registry;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry REST API the pipeline uses. Implementations cache what
 * never changes (an id's schema, a subject's id for a schema), so the hot path of a serde makes no
 * network call after the first record of each schema.
 */
public interface SchemaRegistryClient {

    /**
     * Registers {@code schema} under {@code subject}, or finds it if already registered.
     *
     * @return the registry-wide schema id
     * @throws IncompatibleSchemaException when the subject's compatibility level refuses it
     */
    int register(String subject, Schema schema);

    /**
     * The id of {@code schema} under {@code subject}, without registering it.
     *
     * @throws SchemaNotFoundException when the subject does not hold that schema
     */
    int idOf(String subject, Schema schema);

    /** @throws SchemaNotFoundException when no schema has that id */
    Schema schemaById(int id);

    /** @throws SchemaNotFoundException when the subject has no versions */
    RegisteredSchema latest(String subject);

    /** Whether {@code schema} could be registered under {@code subject} now. */
    boolean isCompatible(String subject, Schema schema);

    /** Sets the compatibility level of one subject. */
    void setCompatibility(String subject, CompatibilityLevel level);
}
