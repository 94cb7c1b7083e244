package dev.tributary.enrich.enrichments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.badrows.EnrichmentFailure;
import dev.tributary.schemas.badrows.FailureMessage;
import dev.tributary.schemas.iglu.IgluParseException;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import dev.tributary.schemas.iglu.ValidationIssue;
import dev.tributary.schemas.iglu.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured enrichments in Snowplow's order. Built once at start-up; {@link #apply} is thread-safe.
 * A failing enrichment does not stop the others: its failure is collected and the event carries on, so the
 * enrichment_failures bad row holds everything the other enrichments managed.
 */
public final class EnrichmentChain implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichmentChain.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<ConfiguredEnrichment> configured;
    private final List<Enrichment> enrichments;

    private EnrichmentChain(List<ConfiguredEnrichment> configured) {
        this.configured = List.copyOf(configured);
        this.enrichments = this.configured.stream().map(ConfiguredEnrichment::enrichment).toList();
    }

    /** A chain with no enrichments. */
    public static EnrichmentChain empty() {
        return new EnrichmentChain(List.of());
    }

    /** A chain running exactly {@code enrichments}, in the given order. */
    public static EnrichmentChain of(List<ConfiguredEnrichment> enrichments) {
        return new EnrichmentChain(enrichments);
    }

    /** {@link #load(Path, Resolver, AssetStore)} with downloads cached under the temporary directory. */
    public static EnrichmentChain load(Path enrichmentsDirectory, Resolver resolver) throws EnrichmentConfigException {
        return load(enrichmentsDirectory, resolver, AssetStore.defaultStore());
    }

    /**
     * Reads every {@code *.json} file of {@code enrichmentsDirectory}: Snowplow enrichment configurations
     * {@code {"schema":"iglu:...","data":{"name","vendor","enabled","parameters"}}}. Each is validated against its
     * schema through {@code resolver}; disabled ones are skipped; the rest are built and put in Snowplow's order.
     *
     * @throws EnrichmentConfigException naming the file and field of the first problem: not JSON, an unknown or
     *         unresolvable schema, invalid parameters, the same enrichment twice, an unreadable database
     */
    public static EnrichmentChain load(Path enrichmentsDirectory, Resolver resolver, AssetStore assets)
            throws EnrichmentConfigException {
        if (!Files.isDirectory(enrichmentsDirectory)) {
            throw new EnrichmentConfigException(String.valueOf(enrichmentsDirectory), "",
                    "expected a directory of enrichment JSON files");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(enrichmentsDirectory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new EnrichmentConfigException(String.valueOf(enrichmentsDirectory), "",
                    "cannot list the directory: " + e.getMessage(), e);
        }
        Map<Integer, String> seen = new HashMap<>();
        List<Positioned> built = new ArrayList<>();
        try {
            for (Path file : files) {
                EnrichmentConfig config = read(file, resolver, assets);
                int position = EnrichmentRegistry.positionOf(config.schemaKey()).orElseThrow();
                String earlier = seen.putIfAbsent(position, config.file());
                if (earlier != null) {
                    throw config.error("schema", "a second " + config.schemaKey().name()
                            + " configuration; expected one per enrichment (already configured in " + earlier + ")");
                }
                if (!config.enabled()) {
                    LOG.atInfo().addKeyValue("file", config.file()).addKeyValue("enrichment", config.schemaKey().name())
                            .log("enrichment disabled");
                    continue;
                }
                Enrichment enrichment = EnrichmentRegistry.kinds().get(position).factory().create(config);
                built.add(new Positioned(position,
                        new ConfiguredEnrichment(config.schemaKey(), config.name(), enrichment)));
                LOG.atInfo().addKeyValue("file", config.file()).addKeyValue("schema", config.schemaKey())
                        .log("enrichment configured");
            }
        } catch (EnrichmentConfigException | RuntimeException e) {
            built.forEach(p -> closeQuietly(p.enrichment().enrichment()));
            throw e;
        }
        built.sort(Comparator.comparingInt(Positioned::position));
        return new EnrichmentChain(built.stream().map(Positioned::enrichment).toList());
    }

    private record Positioned(int position, ConfiguredEnrichment enrichment) {
    }

    private static EnrichmentConfig read(Path path, Resolver resolver, AssetStore assets)
            throws EnrichmentConfigException {
        String file = path.getFileName().toString();
        JsonNode json;
        try {
            json = MAPPER.readTree(Files.readString(path));
        } catch (IOException e) {
            throw new EnrichmentConfigException(file, "", "expected a readable JSON file: " + e.getMessage(), e);
        }
        SelfDescribingJson sdj;
        try {
            sdj = SelfDescribingJson.parse(json);
        } catch (IgluParseException e) {
            throw new EnrichmentConfigException(file, "schema",
                    "expected a self-describing enrichment configuration {\"schema\":\"iglu:...\",\"data\":{...}}: "
                            + e.getMessage(), e);
        }
        if (EnrichmentRegistry.positionOf(sdj.schema()).isEmpty()) {
            throw new EnrichmentConfigException(file, "schema", "unknown enrichment schema '" + sdj.schema().toUri()
                    + "'; expected one of " + EnrichmentRegistry.describeSupported());
        }
        ValidationResult validation = resolver.validate(sdj);
        if (validation instanceof ValidationResult.Invalid invalid) {
            ValidationIssue first = invalid.issues().get(0);
            throw new EnrichmentConfigException(file, "data" + first.path().replaceFirst("^\\$", ""),
                    "does not match " + sdj.schema().toUri() + ": " + invalid.issues().stream()
                            .map(ValidationIssue::toString).reduce((a, b) -> a + "; " + b).orElse(""));
        }
        if (!validation.isValid()) {
            throw new EnrichmentConfigException(file, "schema", "expected a schema the Iglu resolver can find and use: "
                    + validation.describe());
        }
        return new EnrichmentConfig(file, sdj.schema(), sdj.data(), assets);
    }

    /** The enrichments, in the order they run. */
    public List<Enrichment> enrichments() {
        return enrichments;
    }

    /** The enrichments with the configuration they came from, in the order they run. */
    public List<ConfiguredEnrichment> configured() {
        return configured;
    }

    /** Runs every enrichment on {@code event} (mutating it) and collects their contexts and failures. */
    public ChainOutcome apply(EnrichedEvent event, EnrichmentContext context) {
        List<SelfDescribingJson> contexts = new ArrayList<>();
        List<EnrichmentFailure> failures = new ArrayList<>();
        Optional<EnrichedEvent> piiEvent = Optional.empty();
        for (ConfiguredEnrichment c : configured) {
            try {
                if (c.enrichment() instanceof TransformingEnrichment transforming) {
                    TransformingEnrichment.Transformation t = transforming.transform(event, context, contexts);
                    contexts = new ArrayList<>(t.derivedContexts());
                    piiEvent = t.emittedEvent();
                } else {
                    contexts.addAll(c.enrichment().enrich(event, context).derivedContexts());
                }
            } catch (EnrichmentException e) {
                failures.add(new EnrichmentFailure(c.failureIdentity(), e.failureMessage()));
            } catch (RuntimeException e) {
                // A bug or an unexpected input in one enrichment must not lose the event nor stop the others.
                // Only the exception type is logged: messages may quote event values (IPs, user ids).
                LOG.atWarn().addKeyValue("enrichment", c.identifier()).addKeyValue("exception", e.getClass().getName())
                        .log("enrichment threw");
                failures.add(new EnrichmentFailure(c.failureIdentity(), new FailureMessage.SimpleError(
                        "unexpected error in enrichment " + c.identifier() + ": " + e)));
            }
        }
        return new ChainOutcome(contexts, failures, failures.isEmpty() ? piiEvent : Optional.empty());
    }

    /** Releases the enrichments' resources (open databases). */
    @Override
    public void close() {
        enrichments.forEach(EnrichmentChain::closeQuietly);
    }

    private static void closeQuietly(Enrichment enrichment) {
        if (enrichment instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.atWarn().addKeyValue("enrichment", enrichment.name()).addKeyValue("cause", e.toString())
                        .log("closing enrichment failed");
            }
        }
    }
}
