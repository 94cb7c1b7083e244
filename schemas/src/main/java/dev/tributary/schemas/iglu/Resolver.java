package dev.tributary.schemas.iglu;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.networknt.schema.JsonSchema;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Looks up Iglu schemas across repositories and validates self-describing JSON against them.
 *
 * <p>Lookup order follows Snowplow's Iglu client: repositories whose vendor prefixes match the key's vendor
 * first, then embedded before HTTP, then by ascending priority. The first repository holding the schema wins;
 * a document whose {@code self} does not match the key is treated as an invalid answer and the next
 * repository is asked.
 *
 * <p>Results, including "not found", are cached (a bounded Caffeine cache, {@code cacheTtl} after the
 * lookup; {@code null} TTL = until evicted; {@code cacheSize} 0 = no caching), and each schema is compiled once per cache entry. Lookups that failed because a repository was
 * unreachable are kept at most {@link #UNREACHABLE_TTL}, so a short outage does not hide a schema for long
 * and does not cost a timeout per event either. Thread-safe: one instance is meant to be shared.
 */
public final class Resolver {

    /** Upper bound on how long a lookup that met an unreachable repository is remembered. */
    public static final Duration UNREACHABLE_TTL = Duration.ofSeconds(10);

    private static final Comparator<Repository> EMBEDDED_FIRST_THEN_PRIORITY =
            Comparator.comparing((Repository r) -> !r.isEmbedded()).thenComparingInt(Repository::priority);

    private final List<Repository> repositories;
    private final Duration cacheTtl;
    private final Clock clock;
    /** Null when {@code cacheSize} is 0: every lookup goes to the repositories. */
    private final Cache<SchemaKey, CachedSchema> cache;
    private final JsonSchemaCompiler compiler;

    public Resolver(List<Repository> repositories, int cacheSize, Duration cacheTtl, Clock clock) {
        this.repositories = List.copyOf(repositories);
        this.cacheTtl = cacheTtl;
        this.clock = Objects.requireNonNull(clock, "clock");
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cacheSize must be >= 0, got " + cacheSize);
        }
        this.cache = cacheSize == 0 ? null : Caffeine.newBuilder()
                .maximumSize(cacheSize)
                .expireAfter(Expiry.creating((SchemaKey k, CachedSchema v) -> {
                    Duration ttl = ttlOf(v);
                    return ttl == null ? Duration.ofNanos(Long.MAX_VALUE) : ttl;
                }))
                .ticker(() -> {
                    Instant now = this.clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .executor(Runnable::run) // evictions on the calling thread: no background pool per resolver
                .build();
        this.compiler = new JsonSchemaCompiler();
    }

    public Resolver(List<Repository> repositories, int cacheSize, Duration cacheTtl) {
        this(repositories, cacheSize, cacheTtl, Clock.systemUTC());
    }

    public static Resolver fromConfig(ResolverConfig config) {
        return fromConfig(config, Clock.systemUTC());
    }

    public static Resolver fromConfig(ResolverConfig config, Clock clock) {
        List<Repository> repos = config.repositories().stream().map(ResolverConfig.RepositoryConfig::toRepository)
                .toList();
        return new Resolver(repos, config.cacheSize(), config.cacheTtl(), clock);
    }

    /** A resolver over the schemas bundled with this module only (classpath {@code /iglu}). */
    public static Resolver bundled() {
        return fromConfig(ResolverConfig.bundled());
    }

    public List<Repository> repositories() {
        return repositories;
    }

    /** The repositories in the order they are asked for {@code key}. */
    public List<Repository> lookupOrder(SchemaKey key) {
        List<Repository> preferred = new ArrayList<>();
        List<Repository> others = new ArrayList<>();
        for (Repository r : repositories) {
            (r.isPreferredFor(key) ? preferred : others).add(r);
        }
        preferred.sort(EMBEDDED_FIRST_THEN_PRIORITY);
        others.sort(EMBEDDED_FIRST_THEN_PRIORITY);
        preferred.addAll(others);
        return preferred;
    }

    public Resolution lookupSchema(SchemaKey key) {
        return cached(key).resolution();
    }

    public ValidationResult validate(SelfDescribingJson json) {
        return validate(json.schema(), json.data());
    }

    public ValidationResult validate(SchemaKey key, JsonNode data) {
        CachedSchema entry = cached(key);
        if (entry.resolution() instanceof Resolution.Unresolved unresolved) {
            return new ValidationResult.Unresolved(unresolved.error());
        }
        CachedSchema.Compiled compiled = entry.compiled(compiler);
        if (compiled.schema() == null) {
            return new ValidationResult.InvalidSchema(key, compiled.error());
        }
        List<ValidationIssue> issues = compiler.validate(compiled.schema(), data);
        return issues.isEmpty() ? new ValidationResult.Valid(key) : new ValidationResult.Invalid(key, issues);
    }

    private CachedSchema cached(SchemaKey key) {
        Objects.requireNonNull(key, "key");
        return cache == null ? new CachedSchema(resolve(key)) : cache.get(key, k -> new CachedSchema(resolve(k)));
    }

    private Duration ttlOf(CachedSchema entry) {
        if (entry.resolution() instanceof Resolution.Unresolved u && u.error().isTransient()) {
            return cacheTtl == null || cacheTtl.compareTo(UNREACHABLE_TTL) > 0 ? UNREACHABLE_TTL : cacheTtl;
        }
        return cacheTtl;
    }

    private Resolution resolve(SchemaKey key) {
        List<LookupAttempt> attempts = new ArrayList<>();
        for (Repository repository : lookupOrder(key)) {
            RepositoryLookup answer = repository.lookup(key);
            if (answer instanceof RepositoryLookup.Found found) {
                String mismatch = selfMismatch(key, found.schema());
                if (mismatch == null) {
                    return new Resolution.Resolved(key, found.schema(), repository.name());
                }
                attempts.add(attempt(repository, LookupAttempt.Outcome.INVALID_SCHEMA, mismatch));
            } else if (answer instanceof RepositoryLookup.NotFound) {
                attempts.add(attempt(repository, LookupAttempt.Outcome.NOT_FOUND, null));
            } else if (answer instanceof RepositoryLookup.Unreachable unreachable) {
                attempts.add(attempt(repository, LookupAttempt.Outcome.UNREACHABLE, unreachable.message()));
            } else if (answer instanceof RepositoryLookup.InvalidSchema invalid) {
                attempts.add(attempt(repository, LookupAttempt.Outcome.INVALID_SCHEMA, invalid.message()));
            }
        }
        return new Resolution.Unresolved(new ResolutionError(key, attempts));
    }

    private LookupAttempt attempt(Repository repository, LookupAttempt.Outcome outcome, String message) {
        return new LookupAttempt(repository.name(), outcome, message, clock.instant());
    }

    /** Null when the schema's {@code self} block names {@code key}, else why not. */
    static String selfMismatch(SchemaKey key, JsonNode schema) {
        JsonNode self = schema.get("self");
        if (self == null || !self.isObject()) {
            return "schema has no 'self' block";
        }
        String declared = self.path("vendor").asText("") + "/" + self.path("name").asText("") + "/"
                + self.path("format").asText("") + "/" + self.path("version").asText("");
        return declared.equals(key.toPath()) ? null : "schema 'self' is " + declared + ", expected " + key.toPath();
    }

    /** A cache entry: the lookup outcome and, once asked for, the compiled schema. */
    private static final class CachedSchema {

        record Compiled(JsonSchema schema, String error) {
        }

        private final Resolution resolution;
        private volatile Compiled compiled;

        CachedSchema(Resolution resolution) {
            this.resolution = resolution;
        }

        Resolution resolution() {
            return resolution;
        }

        Compiled compiled(JsonSchemaCompiler compiler) {
            Compiled c = compiled;
            if (c == null) {
                // Racing threads may both compile; the results are equivalent, so no lock is needed.
                JsonNode schema = ((Resolution.Resolved) resolution).schema();
                try {
                    c = new Compiled(compiler.compile(schema), null);
                } catch (IllegalArgumentException e) {
                    c = new Compiled(null, e.getMessage());
                }
                compiled = c;
            }
            return c;
        }
    }
}
