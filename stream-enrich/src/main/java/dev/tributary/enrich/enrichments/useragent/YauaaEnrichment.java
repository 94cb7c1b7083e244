package dev.tributary.enrich.enrichments.useragent;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * yauaa_enrichment_config: parses the user agent (and the client-hint headers) with YAUAA and derives a
 * {@code nl.basjes/yauaa_context/jsonschema/1-0-4} context whose keys are YAUAA's field names with a lower-case
 * first letter ({@code deviceClass}, {@code agentNameVersion}, ...), as Snowplow emits it. Without a user agent
 * the context is just {@code {"deviceClass":"Unknown"}}.
 *
 * <p>The analyzer is built once per enrichment (it takes seconds and hundreds of MB when built with every field),
 * asked only for the fields the output schema has, and shared by every stream thread (YAUAA's analyzer may be
 * shared; {@code YauaaEnrichmentTest} checks that parallel parses agree with serial ones).
 */
public final class YauaaEnrichment implements Enrichment {

    private static final String CLIENT_HINT_PREFIX = "Sec-CH-UA";

    public static final SchemaKey OUTPUT = SchemaKey.parse("iglu:nl.basjes/yauaa_context/jsonschema/1-0-4");

    /**
     * The properties of yauaa_context 1-0-4, in YAUAA's spelling (the context lower-cases the first letter).
     * The schema's {@code anonymized} is left out: YAUAA 8 no longer computes it and refuses to be asked for it.
     */
    static final List<String> FIELDS = List.of(
            "DeviceClass", "DeviceName", "DeviceBrand", "DeviceCpu", "DeviceCpuBits", "DeviceFirmwareVersion",
            "DeviceVersion", "OperatingSystemClass", "OperatingSystemName", "OperatingSystemVersion",
            "OperatingSystemNameVersion", "OperatingSystemVersionBuild", "LayoutEngineClass", "LayoutEngineName",
            "LayoutEngineVersion", "LayoutEngineVersionMajor", "LayoutEngineNameVersion",
            "LayoutEngineNameVersionMajor", "LayoutEngineBuild", "AgentClass", "AgentName", "AgentVersion",
            "AgentVersionMajor", "AgentNameVersion", "AgentNameVersionMajor", "AgentBuild", "AgentLanguage",
            "AgentLanguageCode", "AgentInformationEmail", "AgentInformationUrl", "AgentSecurity", "AgentUuid",
            "WebviewAppName", "WebviewAppVersion", "WebviewAppVersionMajor", "WebviewAppNameVersion",
            "WebviewAppNameVersionMajor", "FacebookCarrier", "FacebookDeviceClass", "FacebookDeviceName",
            "FacebookDeviceVersion", "FacebookFBOP", "FacebookFBSS", "FacebookOperatingSystemName",
            "FacebookOperatingSystemVersion", "HackerAttackVector", "HackerToolkit", "KoboAffiliate",
            "KoboPlatformId", "IECompatibilityVersion", "IECompatibilityVersionMajor", "IECompatibilityNameVersion",
            "IECompatibilityNameVersionMajor", "Carrier", "GSAInstallationID", "NetworkType",
            "OperatingSystemNameVersionMajor", "OperatingSystemVersionMajor");

    /** YAUAA's own default cache size, used when the configuration gives none. */
    static final int DEFAULT_CACHE_SIZE = 10_000;

    private final UserAgentAnalyzer analyzer;
    private final int cacheSize;
    // Finished contexts rather than YAUAA's parse cache: a YAUAA cache hit still copies every field into a new
    // UserAgent, and turning that into JSON cost as much again. Emptied when full: simpler than LRU and, with
    // the few distinct user agents real traffic has, rarely hit.
    private final Map<String, ObjectNode> contexts = new ConcurrentHashMap<>();

    /** @param cacheSize user agents (with their client hints) whose context is kept; null for 10,000, 0 for none */
    public YauaaEnrichment(Integer cacheSize) {
        this.analyzer = UserAgentAnalyzer.newBuilder().hideMatcherLoadStats().withFields(FIELDS)
                .immediateInitialization().withoutCache().build();
        this.cacheSize = cacheSize == null ? DEFAULT_CACHE_SIZE : cacheSize;
    }

    public static Enrichment create(EnrichmentConfig config) throws EnrichmentConfigException {
        return new YauaaEnrichment(config.optionalInt("cacheSize", 0, Integer.MAX_VALUE));
    }

    @Override
    public String name() {
        return "yauaa_enrichment_config";
    }

    @Override
    public EnrichmentResult enrich(EnrichedEvent event, EnrichmentContext context) {
        return EnrichmentResult.of(new SelfDescribingJson(OUTPUT, analyze(event.getUseragent(), context.headers())));
    }

    /** The context's data for {@code userAgent}, using client hints among {@code headers} ("Name: value"). */
    public ObjectNode analyze(String userAgent, List<String> headers) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        if (userAgent == null || userAgent.isEmpty()) {
            data.put("deviceClass", "Unknown");
            return data;
        }
        Map<String, String> headerMap = new LinkedHashMap<>();
        for (String header : headers) {
            int sep = header.indexOf(": ");
            // Only the client hints matter to YAUAA; passing cookies and the like would make every request a
            // cache miss, and parsing is the costliest step of the default enrichments.
            if (sep > 0 && header.regionMatches(true, 0, CLIENT_HINT_PREFIX, 0, CLIENT_HINT_PREFIX.length())) {
                headerMap.put(header.substring(0, sep), header.substring(sep + 2).stripLeading());
            }
        }
        headerMap.put("User-Agent", userAgent);
        if (cacheSize == 0) {
            return contextOf(headerMap);
        }
        String key = headerMap.toString();
        ObjectNode cached = contexts.get(key);
        if (cached == null) {
            cached = contextOf(headerMap);
            if (contexts.size() >= cacheSize) {
                contexts.clear();
            }
            contexts.put(key, cached);
        }
        // A copy: later enrichments (PII) may rewrite derived contexts in place.
        return cached.deepCopy();
    }

    private ObjectNode contextOf(Map<String, String> headerMap) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        UserAgent parsed = analyzer.parse(headerMap);
        Map<String, String> sorted = new TreeMap<>();
        java.util.Set<String> available = new java.util.HashSet<>(parsed.getAvailableFieldNamesSorted());
        for (String field : FIELDS) {
            String value = parsed.getValue(field);
            if (value != null && available.contains(field)) {
                sorted.put(decapitalize(field), value);
            }
        }
        sorted.forEach(data::put);
        return data;
    }

    static String decapitalize(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
