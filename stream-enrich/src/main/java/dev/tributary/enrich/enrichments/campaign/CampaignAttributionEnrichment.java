package dev.tributary.enrich.enrichments.campaign;

import dev.tributary.enrich.mapping.Querystring;

import dev.tributary.enrich.enrichments.Enrichment;
import dev.tributary.enrich.enrichments.EnrichmentConfig;
import dev.tributary.enrich.enrichments.EnrichmentConfigException;
import dev.tributary.enrich.enrichments.EnrichmentContext;
import dev.tributary.enrich.enrichments.EnrichmentException;
import dev.tributary.enrich.enrichments.EnrichmentResult;
import dev.tributary.schemas.avro.EnrichedEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * campaign_attribution: fills mkt_medium, mkt_source, mkt_term, mkt_content, mkt_campaign, mkt_clickid and
 * mkt_network from the page URL's querystring. Each field takes the value of the first configured parameter
 * present; click ids are matched against Snowplow's default networks (gclid, msclkid, dclid) plus the
 * configured {@code mktClickId} map.
 */
public final class CampaignAttributionEnrichment implements Enrichment {

    /** Snowplow's built-in click-id parameters, in its order; configured entries are added after them. */
    static final Map<String, String> DEFAULT_NETWORKS = defaultNetworks();

    private final List<String> medium;
    private final List<String> source;
    private final List<String> term;
    private final List<String> content;
    private final List<String> campaign;
    private final Map<String, String> clickIds;

    public CampaignAttributionEnrichment(List<String> medium, List<String> source, List<String> term,
                                         List<String> content, List<String> campaign, Map<String, String> clickIds) {
        this.medium = List.copyOf(medium);
        this.source = List.copyOf(source);
        this.term = List.copyOf(term);
        this.content = List.copyOf(content);
        this.campaign = List.copyOf(campaign);
        Map<String, String> networks = new LinkedHashMap<>(DEFAULT_NETWORKS);
        networks.putAll(clickIds);
        this.clickIds = networks;
    }

    /** Snowplow's usual configuration: the utm_* parameters and the default click ids. */
    public static CampaignAttributionEnrichment utm() {
        return new CampaignAttributionEnrichment(List.of("utm_medium"), List.of("utm_source"), List.of("utm_term"),
                List.of("utm_content"), List.of("utm_campaign"), Map.of());
    }

    public static Enrichment create(EnrichmentConfig config) throws EnrichmentConfigException {
        String mapping = config.optionalString("mapping", "static");
        if (!"static".equals(mapping)) {
            throw config.error("parameters.mapping", "expected \"static\", got \"" + mapping + "\"");
        }
        return new CampaignAttributionEnrichment(
                config.stringList("fields.mktMedium", true),
                config.stringList("fields.mktSource", true),
                config.stringList("fields.mktTerm", true),
                config.stringList("fields.mktContent", true),
                config.stringList("fields.mktCampaign", true),
                config.stringMap("fields.mktClickId"));
    }

    @Override
    public String name() {
        return "campaign_attribution";
    }

    @Override
    public EnrichmentResult enrich(EnrichedEvent event, EnrichmentContext context) throws EnrichmentException {
        String query = event.getPageUrlquery();
        if (query == null || query.isEmpty()) {
            return EnrichmentResult.none();
        }
        Map<String, String> params;
        try {
            params = Querystring.toMap(Querystring.parse(query));
        } catch (IllegalArgumentException e) {
            throw EnrichmentException.inputData("page_urlquery", query,
                    "a querystring with valid percent-encoding (" + e.getMessage() + ")");
        }
        event.setMktMedium(first(medium, params));
        event.setMktSource(first(source, params));
        event.setMktTerm(first(term, params));
        event.setMktContent(first(content, params));
        event.setMktCampaign(first(campaign, params));
        for (Map.Entry<String, String> click : clickIds.entrySet()) {
            if (params.containsKey(click.getKey())) {
                event.setMktClickid(params.get(click.getKey()));
                event.setMktNetwork(click.getValue());
                break;
            }
        }
        return EnrichmentResult.none();
    }

    private static String first(List<String> names, Map<String, String> params) {
        for (String name : names) {
            if (params.containsKey(name)) {
                return params.get(name);
            }
        }
        return null;
    }

    private static Map<String, String> defaultNetworks() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("gclid", "Google");
        m.put("msclkid", "Microsoft");
        m.put("dclid", "DoubleClick");
        return java.util.Collections.unmodifiableMap(m);
    }
}
