package dev.tributary.schemas.registry;

/** Compatibility levels of the Confluent Schema Registry, by their REST names. */
public enum CompatibilityLevel {
    NONE,
    BACKWARD,
    BACKWARD_TRANSITIVE,
    FORWARD,
    FORWARD_TRANSITIVE,
    FULL,
    FULL_TRANSITIVE
}
