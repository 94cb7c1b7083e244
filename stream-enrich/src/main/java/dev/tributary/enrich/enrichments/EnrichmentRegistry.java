package dev.tributary.enrich.enrichments;

import dev.tributary.enrich.enrichments.anonip.AnonIpEnrichment;
import dev.tributary.enrich.enrichments.campaign.CampaignAttributionEnrichment;
import dev.tributary.enrich.enrichments.fingerprint.EventFingerprintEnrichment;
import dev.tributary.enrich.enrichments.geo.IpLookupsEnrichment;
import dev.tributary.enrich.enrichments.http.CookieExtractorEnrichment;
import dev.tributary.enrich.enrichments.http.HttpHeaderExtractorEnrichment;
import dev.tributary.enrich.enrichments.pii.PiiPseudonymizerEnrichment;
import dev.tributary.enrich.enrichments.referer.RefererParserEnrichment;
import dev.tributary.enrich.enrichments.useragent.YauaaEnrichment;
import dev.tributary.schemas.iglu.SchemaCriterion;
import dev.tributary.schemas.iglu.SchemaKey;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The enrichment configurations Tributary understands, listed in the order Snowplow runs them (referer parser,
 * campaign attribution, event fingerprint, cookie extractor, HTTP header extractor, YAUAA, IP lookups, anon IP,
 * PII). A configuration matches on vendor, name and schema model, as Snowplow's {@code supportedSchema}.
 */
public final class EnrichmentRegistry {

    /** One supported configuration schema and how to build its enrichment. */
    public record Kind(SchemaCriterion criterion, EnrichmentFactory factory) {
    }

    private static final String SP = "com.snowplowanalytics.snowplow";
    private static final String SP_ENRICHMENTS = "com.snowplowanalytics.snowplow.enrichments";

    private static final List<Kind> KINDS = List.of(
            kind(SP, "referer_parser", 2, RefererParserEnrichment::create),
            kind(SP, "campaign_attribution", 1, CampaignAttributionEnrichment::create),
            kind(SP, "event_fingerprint_config", 1, EventFingerprintEnrichment::create),
            kind(SP, "cookie_extractor_config", 1, CookieExtractorEnrichment::create),
            kind(SP_ENRICHMENTS, "http_header_extractor_config", 1, HttpHeaderExtractorEnrichment::create),
            kind(SP_ENRICHMENTS, "yauaa_enrichment_config", 1, YauaaEnrichment::create),
            kind(SP, "ip_lookups", 2, IpLookupsEnrichment::create),
            kind(SP, "anon_ip", 1, AnonIpEnrichment::create),
            kind(SP_ENRICHMENTS, "pii_enrichment_config", 2, PiiPseudonymizerEnrichment::create));

    private EnrichmentRegistry() {
    }

    /** Every supported kind, in running order. */
    public static List<Kind> kinds() {
        return KINDS;
    }

    /** The kind whose criterion matches {@code key}, with its position in the running order. */
    public static Optional<Integer> positionOf(SchemaKey key) {
        for (int i = 0; i < KINDS.size(); i++) {
            if (KINDS.get(i).criterion().matches(key)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The supported criteria, for error messages. */
    public static String describeSupported() {
        return KINDS.stream().map(k -> k.criterion().toString()).collect(Collectors.joining(", "));
    }

    private static Kind kind(String vendor, String name, int model, EnrichmentFactory factory) {
        return new Kind(SchemaCriterion.ofModel(vendor, name, "jsonschema", model), factory);
    }
}
