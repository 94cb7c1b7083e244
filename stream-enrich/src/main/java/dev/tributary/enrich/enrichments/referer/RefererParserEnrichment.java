package dev.tributary.enrich.enrichments.referer;

import dev.tributary.schemas.badrows.NameValue;

import dev.tributary.enrich.mapping.Querystring;

import dev.tributary.enrich.enrichments.Enrichment;
import dev.tributary.enrich.enrichments.EnrichmentConfig;
import dev.tributary.enrich.enrichments.EnrichmentConfigException;
import dev.tributary.enrich.enrichments.EnrichmentContext;
import dev.tributary.enrich.enrichments.EnrichmentException;
import dev.tributary.enrich.enrichments.EnrichmentResult;
import dev.tributary.schemas.avro.EnrichedEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * referer_parser: classifies the page referrer into refr_medium ({@code internal}, {@code search},
 * {@code social}, {@code email}, {@code paid}, {@code unknown}), refr_source (e.g. {@code Google}) and, for
 * search engines, refr_term (the first of the engine's query parameters found in the referrer's querystring).
 * A referrer on the page's own host or one of {@code internalDomains} is {@code internal}. Only http(s)
 * referrers are classified.
 */
public final class RefererParserEnrichment implements Enrichment {

    private final RefererDatabase database;
    private final Set<String> internalDomains;

    public RefererParserEnrichment(RefererDatabase database, List<String> internalDomains) {
        this.database = database;
        this.internalDomains = Set.copyOf(internalDomains);
    }

    public static Enrichment create(EnrichmentConfig config) throws EnrichmentConfigException {
        String uri = config.requiredString("uri");
        String database = config.requiredString("database");
        List<String> internal = config.stringList("internalDomains", true);
        Path file = config.assets().locate(config, "parameters", uri, database);
        try (InputStream in = Files.newInputStream(file)) {
            return new RefererParserEnrichment(RefererDatabase.parse(in), internal);
        } catch (IOException | IllegalArgumentException e) {
            throw new EnrichmentConfigException(config.file(), "parameters.database",
                    "expected a referer-parser JSON database at " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "referer_parser";
    }

    @Override
    public EnrichmentResult enrich(EnrichedEvent event, EnrichmentContext context) throws EnrichmentException {
        String scheme = event.getRefrUrlscheme();
        String host = event.getRefrUrlhost();
        String path = event.getRefrUrlpath();
        String query = event.getRefrUrlquery();
        if (host == null) {
            String referrer = event.getPageReferrer();
            if (referrer == null || referrer.isEmpty()) {
                return EnrichmentResult.none();
            }
            try {
                URI uri = new URI(referrer);
                scheme = uri.getScheme();
                host = uri.getHost();
                path = uri.getRawPath();
                query = uri.getRawQuery();
            } catch (URISyntaxException e) {
                throw EnrichmentException.inputData("page_referrer", referrer, "a valid URI (" + e.getReason() + ")");
            }
            if (host == null) {
                return EnrichmentResult.none();
            }
        }
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return EnrichmentResult.none();
        }
        String refererHost = host.toLowerCase(Locale.ROOT);
        if (refererHost.equalsIgnoreCase(event.getPageUrlhost()) || internalDomains.contains(refererHost)) {
            event.setRefrMedium("internal");
            return EnrichmentResult.none();
        }
        RefererDatabase.Entry entry = database.lookup(refererHost, path);
        if (entry == null) {
            event.setRefrMedium("unknown");
            return EnrichmentResult.none();
        }
        event.setRefrMedium(entry.medium());
        event.setRefrSource(entry.source());
        if ("search".equals(entry.medium()) && !entry.parameters().isEmpty()) {
            event.setRefrTerm(searchTerm(query, entry.parameters()));
        }
        return EnrichmentResult.none();
    }

    private static String searchTerm(String query, List<String> parameters) throws EnrichmentException {
        try {
            for (NameValue pair : Querystring.parse(query)) {
                if (parameters.contains(pair.name())) {
                    return pair.value() == null ? "" : pair.value(); // a bare ?q is an empty term
                }
            }
            return null;
        } catch (IllegalArgumentException e) {
            throw EnrichmentException.inputData("refr_urlquery", query,
                    "a querystring with valid percent-encoding (" + e.getMessage() + ")");
        }
    }
}
