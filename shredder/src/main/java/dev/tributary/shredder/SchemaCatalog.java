package dev.tributary.shredder;

import dev.tributary.schemas.badrows.FailureMessage;
import dev.tributary.schemas.badrows.IgluClientError;
import dev.tributary.schemas.iglu.Resolution;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.ResolverConfig;
import dev.tributary.schemas.iglu.SchemaKey;
import dev.tributary.schemas.shredding.FlatSchema;
import dev.tributary.schemas.shredding.ModelSchemas;
import dev.tributary.schemas.shredding.ShreddedType;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Iglu side of shredding, one per JVM and resolver configuration (driver and each executor build their
 * own: resolvers hold caches and HTTP clients, which do not travel between JVMs). Answers, for an entity's
 * schema key, which folder its rows go to and how they are flattened.
 */
public final class SchemaCatalog {

    private static final Map<String, SchemaCatalog> PER_CONFIG = new ConcurrentHashMap<>();

    private final Resolver resolver;
    private final Map<SchemaKey, ModelSchemas.Lookup> models = new ConcurrentHashMap<>();

    SchemaCatalog(Resolver resolver) {
        this.resolver = resolver;
    }

    /** The catalog of this JVM for {@code resolverConfigJson} (a Snowplow resolver.json). */
    public static SchemaCatalog forConfig(String resolverConfigJson) {
        return PER_CONFIG.computeIfAbsent(resolverConfigJson,
                json -> new SchemaCatalog(Resolver.fromConfig(ResolverConfig.parse(json))));
    }

    public Resolver resolver() {
        return resolver;
    }

    /** How the entities of one schema key are shredded, or why they cannot be. */
    public sealed interface TypeLookup {
    }

    /**
     * @param type   the folder
     * @param target the version whose columns every row of the folder carries (the model's highest in the run)
     * @param flat   the flattened model up to {@code target}
     */
    public record Resolved(ShreddedType type, SchemaKey target, FlatSchema flat) implements TypeLookup {
    }

    public record Failed(FailureMessage.LoaderIgluMessage message) implements TypeLookup {
    }

    /**
     * @param target the highest version of {@code key}'s model seen in the run ({@code key} itself if unknown
     *               or lower, so a row never has fewer columns than its own schema)
     */
    public TypeLookup typeOf(SchemaKey key, SchemaKey target) {
        // Resolved types are kept per (key, target): this is asked for every entity of the run.
        TypeKey cacheKey = new TypeKey(key, target);
        Resolved known = resolvedTypes.get(cacheKey);
        if (known != null) {
            return known;
        }
        TypeLookup lookup = lookUp(key, target);
        if (lookup instanceof Resolved resolved) {
            resolvedTypes.putIfAbsent(cacheKey, resolved);
        }
        return lookup;
    }

    private record TypeKey(SchemaKey key, SchemaKey target) {
    }

    private final Map<TypeKey, Resolved> resolvedTypes = new ConcurrentHashMap<>();

    private TypeLookup lookUp(SchemaKey key, SchemaKey target) {
        Resolution own = resolver.lookupSchema(key);
        if (own instanceof Resolution.Unresolved unresolved) {
            return new Failed(new FailureMessage.IgluError(key, IgluClientError.from(unresolved.error())));
        }
        SchemaKey effective = target == null || target.version().compareTo(key.version()) < 0 ? key : target;
        ModelSchemas.Lookup lookup = model(effective);
        if (lookup instanceof ModelSchemas.NotFound notFound) {
            return new Failed(new FailureMessage.IgluError(effective, IgluClientError.from(notFound.error())));
        }
        ModelSchemas.Found found = (ModelSchemas.Found) lookup;
        return new Resolved(ShreddedType.of(key, found.flat().format()), effective, found.flat());
    }

    /**
     * The model lineage up to {@code target}, resolved once per JVM. A failure caused by an unreachable
     * repository is not kept (the resolver retries it after a short while); a plain "not found" is.
     */
    public ModelSchemas.Lookup model(SchemaKey target) {
        ModelSchemas.Lookup known = models.get(target);
        if (known != null) {
            return known;
        }
        ModelSchemas.Lookup lookup = ModelSchemas.lookup(resolver, target);
        if (!(lookup instanceof ModelSchemas.NotFound nf && nf.error().isTransient())) {
            models.putIfAbsent(target, lookup);
        }
        return lookup;
    }
}
