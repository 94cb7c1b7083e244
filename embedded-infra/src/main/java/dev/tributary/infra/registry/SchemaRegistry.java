package dev.tributary.infra.registry;

import org.apache.avro.Schema;

import java.util.List;
import java.util.Optional;

/**
 * The registry's operations, independent of HTTP. Reads come from the state; writes go to the store and are
 * visible in the state when they return. Writes are serialised because each decides on ids and versions from the
 * current state.
 */
final class SchemaRegistry {

    private static final String LATEST = "latest";

    private final RegistryState state;
    private final KafkaStore store;
    private final StoreCodec codec;
    private final CompatibilityChecker checker;

    SchemaRegistry(RegistryState state, KafkaStore store, StoreCodec codec, CompatibilityChecker checker) {
        this.state = state;
        this.store = store;
        this.codec = codec;
        this.checker = checker;
    }

    /** Registers the schema under the subject unless it is already there; returns its global id. */
    synchronized int register(String subject, String schemaText) {
        AvroSchema candidate = AvroSchema.parse(schemaText);
        Optional<RegisteredSchema> existing = state.find(subject, candidate.canonical());
        if (existing.isPresent()) {
            return existing.get().id();
        }
        List<RegisteredSchema> versions = state.versions(subject);
        List<String> problems = checker.incompatibilities(candidate.schema(), parsed(versions), state.effectiveLevel(subject));
        if (!problems.isEmpty()) {
            throw RegistryException.incompatibleSchema(subject, problems);
        }
        int id = state.idOf(candidate.canonical()).orElseGet(state::nextId);
        int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        RegisteredSchema registered = new RegisteredSchema(subject, version, id, candidate.canonical());
        store.append(codec.schemaKey(registered), codec.schemaValue(registered));
        return id;
    }

    String schemaById(int id) {
        return state.schemaById(id).orElseThrow(RegistryException::schemaNotFound);
    }

    List<String> subjects() {
        return state.subjects();
    }

    List<Integer> versions(String subject) {
        List<Integer> versions = state.versions(subject).stream().map(RegisteredSchema::version).toList();
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    /** @param version a version number, {@code latest} or {@code -1} */
    RegisteredSchema version(String subject, String version) {
        if (!state.hasSubject(subject)) {
            throw RegistryException.subjectNotFound(subject);
        }
        if (isLatest(version)) {
            return state.latest(subject).orElseThrow(() -> RegistryException.versionNotFound(version));
        }
        return state.version(subject, parseVersion(version)).orElseThrow(() -> RegistryException.versionNotFound(version));
    }

    /** The version under which exactly this schema is registered in the subject. */
    RegisteredSchema lookup(String subject, String schemaText) {
        AvroSchema candidate = AvroSchema.parse(schemaText);
        if (!state.hasSubject(subject)) {
            throw RegistryException.subjectNotFound(subject);
        }
        return state.find(subject, candidate.canonical()).orElseThrow(RegistryException::schemaNotFound);
    }

    /**
     * Whether the schema could be registered: against {@code latest} this applies the subject's level as
     * registration would (all versions when transitive); against a given version, only that version.
     */
    boolean isCompatible(String subject, String version, String schemaText) {
        AvroSchema candidate = AvroSchema.parse(schemaText);
        CompatibilityLevel level = state.effectiveLevel(subject);
        List<RegisteredSchema> against = isLatest(version) ? state.versions(subject) : List.of(version(subject, version));
        if (against.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return checker.incompatibilities(candidate.schema(), parsed(against), level).isEmpty();
    }

    CompatibilityLevel globalCompatibility() {
        return state.globalLevel();
    }

    /** The subject's own level; with {@code defaultToGlobal} falls back to the global level instead of failing. */
    CompatibilityLevel subjectCompatibility(String subject, boolean defaultToGlobal) {
        Optional<CompatibilityLevel> level = state.subjectLevel(subject);
        if (level.isEmpty() && !defaultToGlobal) {
            throw RegistryException.subjectCompatibilityNotConfigured(subject);
        }
        return level.orElseGet(state::globalLevel);
    }

    synchronized void setGlobalCompatibility(CompatibilityLevel level) {
        store.append(codec.configKey(Optional.empty()), codec.configValue(level));
    }

    synchronized void setSubjectCompatibility(String subject, CompatibilityLevel level) {
        store.append(codec.configKey(Optional.of(subject)), codec.configValue(level));
    }

    private static List<Schema> parsed(List<RegisteredSchema> versions) {
        return versions.stream().map(version -> AvroSchema.parse(version.schema()).schema()).toList();
    }

    private static boolean isLatest(String version) {
        return LATEST.equalsIgnoreCase(version) || "-1".equals(version);
    }

    private static int parseVersion(String version) {
        try {
            int number = Integer.parseInt(version);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw RegistryException.invalidVersion(version);
    }
}
