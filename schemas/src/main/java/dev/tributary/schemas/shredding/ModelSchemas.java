package dev.tributary.schemas.shredding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.schemas.iglu.Resolution;
import dev.tributary.schemas.iglu.ResolutionError;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.SchemaKey;
import dev.tributary.schemas.iglu.SchemaVer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The schemas of one model up to a given version, oldest first, as {@link FlatSchema#forModel} needs them.
 *
 * <p>Static Iglu repositories cannot list versions, so the lineage is found by asking for each candidate:
 * {@code M-0-0, M-0-1, ...} until one is missing, then the next revision, up to the target. Versions the
 * resolver does not have are skipped (Iglu forbids gaps, but a private repository may only hold the versions
 * in use); only the target version itself must resolve.
 */
public final class ModelSchemas {

    /** Upper bound on additions tried per revision, so a broken repository cannot make us loop for long. */
    static final int MAX_ADDITIONS = 100;

    private ModelSchemas() {
    }

    /** The outcome: the lineage and its flat schema, or why the target could not be resolved. */
    public sealed interface Lookup {
        SchemaKey target();
    }

    public record Found(SchemaKey target, List<SchemaKey> versions, List<JsonNode> schemas, FlatSchema flat)
            implements Lookup {
        public Found {
            Objects.requireNonNull(target, "target");
            versions = List.copyOf(versions);
            schemas = List.copyOf(schemas);
            Objects.requireNonNull(flat, "flat");
        }
    }

    public record NotFound(SchemaKey target, ResolutionError error) implements Lookup {
        public NotFound {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(error, "error");
        }
    }

    public static Lookup lookup(Resolver resolver, SchemaKey target) {
        Resolution targetResolution = resolver.lookupSchema(target);
        if (targetResolution instanceof Resolution.Unresolved unresolved) {
            return new NotFound(target, unresolved.error());
        }
        List<SchemaKey> versions = new ArrayList<>();
        List<JsonNode> schemas = new ArrayList<>();
        SchemaVer top = target.version();
        for (int revision = 0; revision <= top.revision(); revision++) {
            for (int addition = 0; addition < MAX_ADDITIONS; addition++) {
                if (revision == top.revision() && addition >= top.addition()) {
                    break;
                }
                SchemaKey key = SchemaKey.of(target.vendor(), target.name(), target.format(),
                        SchemaVer.of(top.model(), revision, addition));
                if (!(resolver.lookupSchema(key) instanceof Resolution.Resolved resolved)) {
                    break;
                }
                versions.add(key);
                schemas.add(resolved.schema());
            }
        }
        versions.add(target);
        schemas.add(((Resolution.Resolved) targetResolution).schema());
        return new Found(target, versions, schemas, FlatSchema.forModel(schemas));
    }
}
