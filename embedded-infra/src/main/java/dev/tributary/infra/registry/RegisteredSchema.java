package dev.tributary.infra.registry;

/** One version of a subject; {@code schema} is the canonical text. Serialises as the REST API's version body. */
public record RegisteredSchema(String subject, int version, int id, String schema) {
}
