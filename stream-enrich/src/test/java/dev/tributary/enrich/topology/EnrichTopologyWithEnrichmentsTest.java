package dev.tributary.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.enrich.config.EnrichConfig;
import dev.tributary.enrich.enrichments.EnrichmentChain;
import dev.tributary.schemas.iglu.Resolver;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology with an enrichment directory, as {@code --enrichments} loads it: the TSV fields each one sets. */
class EnrichTopologyWithEnrichmentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    // sha256("alice@example.com" + "pepper"), computed independently with Python's hashlib
    private static final String ALICE_SHA256 = "a4e5a8a1e1713029af7a49d4a332a41e9d24dd6a8a96536a5938f8e0eb673546";

    @TempDir
    static Path enrichments;

    static EnrichmentChain chain;

    @BeforeAll
    static void loadChain() throws Exception {
        write("campaign_attribution.json", "com.snowplowanalytics.snowplow", "campaign_attribution", "1-0-1", """
                {"mapping": "static", "fields": {"mktMedium": ["utm_medium"], "mktSource": ["utm_source"],
                 "mktTerm": ["utm_term"], "mktContent": ["utm_content"], "mktCampaign": ["utm_campaign", "cid"]}}""",
                "");
        write("event_fingerprint_config.json", "com.snowplowanalytics.snowplow", "event_fingerprint_config", "1-0-1",
                "{\"excludeParameters\": [\"cv\", \"eid\", \"nuid\", \"stm\"], \"hashAlgorithm\": \"MD5\"}", "");
        write("anon_ip.json", "com.snowplowanalytics.snowplow", "anon_ip", "1-0-1",
                "{\"anonOctets\": 2, \"anonSegments\": 3}", "");
        write("yauaa_enrichment_config.json", "com.snowplowanalytics.snowplow.enrichments",
                "yauaa_enrichment_config", "1-0-0", "{\"cacheSize\": 100}", "");
        write("pii_enrichment_config.json", "com.snowplowanalytics.snowplow.enrichments", "pii_enrichment_config",
                "2-0-0", """
                {"pii": [{"pojo": {"field": "user_id"}}],
                 "strategy": {"pseudonymize": {"hashFunction": "SHA-256", "salt": "pepper"}}}""",
                ", \"emitEvent\": true");
        chain = EnrichmentChain.load(enrichments, Resolver.bundled());
    }

    @AfterAll
    static void closeChain() {
        chain.close();
    }

    private static void write(String file, String vendor, String name, String version, String parameters,
                              String extra) throws Exception {
        Files.writeString(enrichments.resolve(file), "{\"schema\": \"iglu:" + vendor + "/" + name + "/jsonschema/"
                + version + "\", \"data\": {\"vendor\": \"" + vendor + "\", \"name\": \"" + name
                + "\", \"enabled\": true" + extra + ", \"parameters\": " + parameters + "}}");
    }

    /** The spec's fingerprint: sorted parameters minus the excluded ones, key US value US, MD5, hex. */
    private static String expectedFingerprint(Map<String, String> params) throws Exception {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(params).forEach((k, v) -> {
            if (!List.of("cv", "eid", "nuid", "stm").contains(k)) {
                sb.append(k).append('\u001f').append(v).append('\u001f');
            }
        });
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void campaignFingerprintAnonIpYauaaAndPiiSetTheirFields() throws Exception {
        String url = "https://shop.example.com/?utm_source=news&utm_medium=email&utm_term=shoes&utm_content=hero"
                + "&cid=spring";
        Map<String, String> params = new TreeMap<>(Map.of("e", "pv", "p", "web", "tv", "js-3", "uid",
                "alice@example.com", "url", url, "eid", "8f2f4a5c-6f5e-4b4e-9d3f-3c2d1e0f9a8b", "stm", "1772366399000"));
        StringBuilder qs = new StringBuilder();
        params.forEach((k, v) -> qs.append(qs.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));

        try (EnrichDriver driver = new EnrichDriver(chain, EnrichConfig.PartitionKey.EVENT_ID)) {
            driver.send(RawPayloads.get("/i", qs.toString()));

            Map<String, String> f = driver.good().get(0);
            assertThat(f).containsEntry("mkt_source", "news").containsEntry("mkt_medium", "email")
                    .containsEntry("mkt_term", "shoes").containsEntry("mkt_content", "hero")
                    .containsEntry("mkt_campaign", "spring")
                    .containsEntry("event_fingerprint", expectedFingerprint(params))
                    .containsEntry("user_ipaddress", "203.0.x.x")
                    .containsEntry("user_id", ALICE_SHA256);
            JsonNode derived = JSON.readTree(f.get("derived_contexts"));
            assertThat(derived.path("schema").asText())
                    .isEqualTo("iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1");
            JsonNode yauaa = null;
            for (JsonNode context : derived.path("data")) {
                if (context.path("schema").asText().startsWith("iglu:nl.basjes/yauaa_context/")) {
                    yauaa = context.path("data");
                }
            }
            assertThat(yauaa).as("yauaa_context in %s", derived).isNotNull();
            assertThat(yauaa.path("agentName").asText()).isEqualTo("Firefox");
            assertThat(yauaa.path("operatingSystemName").asText()).isEqualTo("Linux");

            List<Map<String, String>> pii = driver.pii();
            assertThat(pii).singleElement().satisfies(event -> {
                assertThat(event).containsEntry("event_name", "pii_transformation");
                assertThat(event.get("unstruct_event")).contains("alice@example.com").contains(ALICE_SHA256);
                assertThat(event.get("contexts") + event.get("derived_contexts"))
                        .contains("parent_event").contains(f.get("event_id"));
            });
            assertThat(driver.bad()).isEmpty();
        }
    }
}
