package dev.tributary.enrich.topology;

import dev.tributary.schemas.registry.CompatibilityLevel;
import dev.tributary.schemas.registry.RegisteredSchema;
import dev.tributary.schemas.registry.SchemaNotFoundException;
import dev.tributary.schemas.registry.SchemaRegistryClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A registry held in memory, for TopologyTestDriver tests only (there is no broker to keep a real registry's
 * topic); the broker tests use the real {@code SchemaRegistryServer}.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private final List<Schema> byId = new ArrayList<>();
    private final Map<String, List<Integer>> subjects = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = byId.indexOf(schema);
        if (id < 0) {
            byId.add(schema);
            id = byId.size() - 1;
        }
        List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id + 1)) {
            versions.add(id + 1);
        }
        return id + 1;
    }

    @Override
    public synchronized int idOf(String subject, Schema schema) {
        int id = byId.indexOf(schema) + 1;
        if (id == 0 || !subjects.getOrDefault(subject, List.of()).contains(id)) {
            throw new SchemaNotFoundException("not registered under " + subject, 40403);
        }
        return id;
    }

    @Override
    public synchronized Schema schemaById(int id) {
        if (id < 1 || id > byId.size()) {
            throw new SchemaNotFoundException("no schema " + id, 40403);
        }
        return byId.get(id - 1);
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<Integer> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaNotFoundException("no subject " + subject, 40401);
        }
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, versions.size(), id, byId.get(id - 1));
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        return true;
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
    }
}
