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
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * http_header_extractor_config: one {@code org.ietf/http_header/jsonschema/1-0-0} context {@code {name, value}}
 * per request header whose whole name matches {@code headersPattern} (e.g. {@code ".*"} or
 * {@code "X-Forwarded-For|Accept-Language"}); case-sensitive, as Snowplow's {@code String.matches}.
 */
public final class HttpHeaderExtractorEnrichment implements Enrichment {

    public static final SchemaKey OUTPUT = SchemaKey.parse("iglu:org.ietf/http_header/jsonschema/1-0-0");

    private final Pattern pattern;

    public HttpHeaderExtractorEnrichment(Pattern headersPattern) {
        this.pattern = headersPattern;
    }

    public static Enrichment create(EnrichmentConfig config) throws EnrichmentConfigException {
        String regex = config.requiredString("headersPattern");
        try {
            return new HttpHeaderExtractorEnrichment(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw config.error("parameters.headersPattern", "expected a Java regular expression, got \"" + regex
                    + "\": " + e.getDescription());
        }
    }

    @Override
    public String name() {
        return "http_header_extractor_config";
    }

    @Override
    public EnrichmentResult enrich(EnrichedEvent event, EnrichmentContext context) {
        List<SelfDescribingJson> contexts = new ArrayList<>();
        for (String header : context.headers()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon);
            if (pattern.matcher(name).matches()) {
                ObjectNode data = JsonNodeFactory.instance.objectNode();
                data.put("name", name.trim());
                data.put("value", header.substring(colon + 1).trim());
                contexts.add(new SelfDescribingJson(OUTPUT, data));
            }
        }
        return new EnrichmentResult(contexts);
    }
}
