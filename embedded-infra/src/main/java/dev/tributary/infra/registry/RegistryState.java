package dev.tributary.infra.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The registry's view of the schemas topic, rebuilt by applying its records in order. Only the topic reader
 * mutates it, so every server reading the same topic converges on the same state.
 */
final class RegistryState {

    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, NavigableMap<Integer, RegisteredSchema>> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.DEFAULT;
    private int maxId;

    synchronized void apply(StoreEvent event) {
        if (event instanceof StoreEvent.SchemaRegistered registered) {
            RegisteredSchema schema = registered.schema();
            schemasById.put(schema.id(), schema.schema());
            idsBySchema.putIfAbsent(schema.schema(), schema.id());
            subjects.computeIfAbsent(schema.subject(), subject -> new TreeMap<>()).put(schema.version(), schema);
            maxId = Math.max(maxId, schema.id());
        } else if (event instanceof StoreEvent.CompatibilityConfigured configured) {
            configured.subject().ifPresentOrElse(
                subject -> subjectLevels.put(subject, configured.level()),
                () -> globalLevel = configured.level());
        }
    }

    synchronized Optional<String> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    synchronized OptionalInt idOf(String canonicalSchema) {
        Integer id = idsBySchema.get(canonicalSchema);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    synchronized int nextId() {
        return maxId + 1;
    }

    synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    synchronized boolean hasSubject(String subject) {
        return subjects.containsKey(subject);
    }

    /** All versions of the subject, oldest first; empty for an unknown subject. */
    synchronized List<RegisteredSchema> versions(String subject) {
        NavigableMap<Integer, RegisteredSchema> versions = subjects.get(subject);
        return versions == null ? List.of() : new ArrayList<>(versions.values());
    }

    synchronized Optional<RegisteredSchema> version(String subject, int version) {
        NavigableMap<Integer, RegisteredSchema> versions = subjects.get(subject);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    synchronized Optional<RegisteredSchema> latest(String subject) {
        NavigableMap<Integer, RegisteredSchema> versions = subjects.get(subject);
        return versions == null || versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    synchronized Optional<RegisteredSchema> find(String subject, String canonicalSchema) {
        return versions(subject).stream().filter(version -> version.schema().equals(canonicalSchema)).findFirst();
    }

    synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    synchronized CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }
}
