package dev.tributary.enrich.enrichments.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.enrich.enrichments.Enrichment;
import dev.tributary.enrich.enrichments.EnrichmentConfig;
import dev.tributary.enrich.enrichments.EnrichmentConfigException;
import dev.tributary.enrich.enrichments.EnrichmentContext;
import dev.tributary.enrich.enrichments.EnrichmentResult;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.iglu.SchemaKey;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * cookie_extractor_config: one {@code org.ietf/http_cookie/jsonschema/1-0-0} context {@code {name, value}} per
 * configured cookie found in the request's Cookie headers (RFC 6265 section 4.2: {@code a=1; b=2}).
 */
public final class CookieExtractorEnrichment implements Enrichment {

    public static final SchemaKey OUTPUT = SchemaKey.parse("iglu:org.ietf/http_cookie/jsonschema/1-0-0");

    private final Set<String> names;

    public CookieExtractorEnrichment(List<String> cookieNames) {
        this.names = Set.copyOf(cookieNames);
    }

    public static Enrichment create(EnrichmentConfig config) throws EnrichmentConfigException {
        return new CookieExtractorEnrichment(config.stringList("cookies", true));
    }

    @Override
    public String name() {
        return "cookie_extractor_config";
    }

    @Override
    public EnrichmentResult enrich(EnrichedEvent event, EnrichmentContext context) {
        List<SelfDescribingJson> contexts = new ArrayList<>();
        for (String header : context.headers()) {
            int colon = header.indexOf(':');
            if (colon < 0 || !header.substring(0, colon).trim().equalsIgnoreCase("cookie")) {
                continue;
            }
            for (String pair : header.substring(colon + 1).split(";")) {
                String trimmed = pair.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                int eq = trimmed.indexOf('=');
                String name = (eq < 0 ? trimmed : trimmed.substring(0, eq)).trim();
                String value = eq < 0 ? null : unquote(trimmed.substring(eq + 1).trim());
                if (names.contains(name)) {
                    ObjectNode data = JsonNodeFactory.instance.objectNode();
                    data.put("name", name);
                    if (value == null) {
                        data.putNull("value");
                    } else {
                        data.put("value", value);
                    }
                    contexts.add(new SelfDescribingJson(OUTPUT, data));
                }
            }
        }
        return new EnrichmentResult(contexts);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
