package dev.tributary.infra.registry;

import java.util.Optional;

/** What one record of the schemas topic means for the registry's state. */
sealed interface StoreEvent {

    /** A subject gained a version. */
    record SchemaRegistered(RegisteredSchema schema) implements StoreEvent {
    }

    /** The global level ({@code subject} empty) or a subject's level was set. */
    record CompatibilityConfigured(Optional<String> subject, CompatibilityLevel level) implements StoreEvent {
    }

    /** A subject's level was removed, or a record this registry does not understand (e.g. Confluent's NOOP). */
    record Ignored(String reason) implements StoreEvent {
    }
}
