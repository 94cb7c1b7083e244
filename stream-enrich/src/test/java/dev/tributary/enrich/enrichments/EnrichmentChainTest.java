package dev.tributary.enrich.enrichments;

import static dev.tributary.enrich.enrichments.TestEvents.pageView;
import static dev.tributary.enrich.enrichments.TestEvents.writeConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.enrich.enrichments.campaign.CampaignAttributionEnrichment;
import dev.tributary.enrich.enrichments.fingerprint.EventFingerprintEnrichment;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.badrows.EnrichmentFailure;
import dev.tributary.schemas.badrows.EnrichmentFailures;
import dev.tributary.schemas.badrows.EnrichmentPayload;
import dev.tributary.schemas.badrows.FailureMessage;
import dev.tributary.schemas.badrows.PartiallyEnrichedEvent;
import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.badrows.RawEvent;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.SchemaKey;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichmentChainTest {

    private static final String SP = "iglu:com.snowplowanalytics.snowplow/";
    private static final String SPE = "iglu:com.snowplowanalytics.snowplow.enrichments/";
    private static final String CAMPAIGN_PARAMS = "{\"mapping\":\"static\",\"fields\":{\"mktMedium\":[\"utm_medium\"],"
            + "\"mktSource\":[\"utm_source\"],\"mktTerm\":[\"utm_term\"],\"mktContent\":[\"utm_content\"],"
            + "\"mktCampaign\":[\"utm_campaign\"]}}";

    private static Resolver resolver;
    private static Path geoDir;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        resolver = Resolver.bundled();
        geoDir = Files.createDirectories(shared.resolve("maxmind"));
        TestEvents.geoLiteCityIn(geoDir);
    }

    private static List<String> names(EnrichmentChain chain) {
        return chain.enrichments().stream().map(Enrichment::name).toList();
    }

    @Test
    void loadsEveryFileValidatesAndRunsInSnowplowOrderSkippingDisabledOnes() throws Exception {
        // file names sort in the opposite of the running order, so the order cannot come from the listing
        writeConfig(dir, "a_pii.json", SPE + "pii_enrichment_config/jsonschema/2-0-0", true,
                "{\"pii\":[{\"pojo\":{\"field\":\"user_id\"}}],"
                        + "\"strategy\":{\"pseudonymize\":{\"hashFunction\":\"SHA-256\",\"salt\":\"s\"}}}");
        writeConfig(dir, "b_anon.json", SP + "anon_ip/jsonschema/1-0-1", true, "{\"anonOctets\":2}");
        writeConfig(dir, "c_geo.json", SP + "ip_lookups/jsonschema/2-0-0", true,
                "{\"geo\":{\"database\":\"GeoLite2-City.mmdb\",\"uri\":\"" + geoDir.toUri() + "\"}}");
        writeConfig(dir, "d_headers.json", SPE + "http_header_extractor_config/jsonschema/1-0-0", true,
                "{\"headersPattern\":\"X-Request-Id\"}");
        writeConfig(dir, "e_cookies.json", SP + "cookie_extractor_config/jsonschema/1-0-0", true,
                "{\"cookies\":[\"sp\"]}");
        writeConfig(dir, "f_fingerprint.json", SP + "event_fingerprint_config/jsonschema/1-0-1", true,
                "{\"excludeParameters\":[\"eid\"],\"hashAlgorithm\":\"MD5\"}");
        writeConfig(dir, "g_campaign.json", SP + "campaign_attribution/jsonschema/1-0-1", true, CAMPAIGN_PARAMS);
        writeConfig(dir, "h_referer.json", SP + "referer_parser/jsonschema/2-0-0", true,
                "{\"internalDomains\":[],\"database\":\"referers-test.json\",\"uri\":\""
                        + TestEvents.refererDatabaseIn(Files.createDirectories(dir.resolve("assets"))) + "\"}");
        writeConfig(dir, "i_yauaa_off.json", SPE + "yauaa_enrichment_config/jsonschema/1-0-0", false,
                "{\"cacheSize\":10}");
        Files.writeString(dir.resolve("notes.txt"), "not a configuration: ignored, only *.json is read");

        try (EnrichmentChain chain = EnrichmentChain.load(dir, resolver)) {
            assertThat(names(chain)).containsExactly("referer_parser", "campaign_attribution",
                    "event_fingerprint_config", "cookie_extractor_config", "http_header_extractor_config",
                    "ip_lookups", "anon_ip", "pii_enrichment_config");
            assertThat(chain.configured().get(0).schemaKey().toUri()).isEqualTo(SP + "referer_parser/jsonschema/2-0-0");

            EnrichedEvent event = TestEvents.withReferrer(
                    pageView("https://shop.example.com/?utm_source=news"), "https://www.google.com/?q=shoes");
            event.setUserId("alice");
            ChainOutcome outcome = chain.apply(event, new EnrichmentContext(Map.of("e", "pv", "eid", "x"),
                    List.of("Cookie: sp=abc", "X-Request-Id: r-1")));

            assertThat(outcome.failed()).isFalse();
            assertThat(event.getRefrMedium()).isEqualTo("search");
            assertThat(event.getMktSource()).isEqualTo("news");
            assertThat(event.getEventFingerprint()).hasSize(32);
            // ip_lookups saw the full address before anon_ip masked it: that is why their order matters
            assertThat(event.getGeoCountry()).isEqualTo("GB");
            assertThat(event.getUserIpaddress()).isEqualTo("81.2.x.x");
            assertThat(event.getUserId()).hasSize(64).isNotEqualTo("alice");
            assertThat(outcome.derivedContexts()).extracting(c -> c.schema().name())
                    .containsExactly("http_cookie", "http_header");
        }
    }

    @Test
    void aFailingEnrichmentIsRecordedAndTheOthersStillRun() throws Exception {
        SchemaKey campaignKey = SchemaKey.parse(SP + "campaign_attribution/jsonschema/1-0-1");
        Enrichment broken = new Enrichment() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public EnrichmentResult enrich(EnrichedEvent event, EnrichmentContext context) {
                throw new IllegalStateException("boom");
            }
        };
        EnrichmentChain chain = EnrichmentChain.of(List.of(
                new ConfiguredEnrichment(campaignKey, "campaign_attribution", CampaignAttributionEnrichment.utm()),
                new ConfiguredEnrichment(SchemaKey.parse("iglu:com.acme/broken/jsonschema/1-0-0"), "broken", broken),
                new ConfiguredEnrichment(SchemaKey.parse(SP + "event_fingerprint_config/jsonschema/1-0-1"),
                        "event_fingerprint_config", new EventFingerprintEnrichment("MD5", List.of()))));
        EnrichedEvent event = pageView("https://shop.example.com/");
        event.setPageUrlquery("utm_source=%E0%A4%A"); // truncated percent-encoding

        ChainOutcome outcome = chain.apply(event, new EnrichmentContext(Map.of("e", "pv"), List.of()));

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.failures()).hasSize(2);
        EnrichmentFailure campaign = outcome.failures().get(0);
        assertThat(campaign.enrichment()).isEqualTo(new EnrichmentFailure.Enrichment(campaignKey,
                "campaign_attribution"));
        assertThat(campaign.message()).isInstanceOfSatisfying(FailureMessage.InputData.class,
                m -> assertThat(m.field()).isEqualTo("page_urlquery"));
        assertThat(outcome.failures().get(1).message()).isInstanceOfSatisfying(FailureMessage.SimpleError.class,
                m -> assertThat(m.error()).contains("broken").contains("boom"));
        // the enrichment after the failures still ran: the bad row carries its work
        assertThat(event.getEventFingerprint()).hasSize(32);

        // and the failures make a valid enrichment_failures bad row
        EnrichmentFailures row = new EnrichmentFailures(new Processor("stream-enrich", "0.1.0"),
                Instant.parse("2026-01-02T03:04:05Z"), outcome.failures(), new EnrichmentPayload(
                PartiallyEnrichedEvent.empty().with("event_id", event.getEventId()),
                new RawEvent("com.snowplowanalytics.snowplow", "tp2", List.of(), null, "thrift", "UTF-8", null,
                        null, null, null, null, List.of(), null)));
        SelfDescribingJson json = SelfDescribingJson.parse(new ObjectMapper().readTree(row.toJsonLine()));
        assertThat(resolver.validate(json).describe()).endsWith(": valid");
    }

    @Test
    void piiConfiguredWithEmitEventHashesDerivedContextsAndReturnsThePiiEvent() throws Exception {
        writeConfig(dir, "cookies.json", SP + "cookie_extractor_config/jsonschema/1-0-0", true,
                "{\"cookies\":[\"sp\"]}");
        Files.writeString(dir.resolve("pii.json"), "{\"schema\":\"" + SPE + "pii_enrichment_config/jsonschema/2-0-0\","
                + "\"data\":{\"vendor\":\"com.snowplowanalytics.snowplow.enrichments\",\"name\":\"pii_enrichment_config\","
                + "\"emitEvent\":true,\"enabled\":true,\"parameters\":{\"pii\":[{\"json\":{\"field\":\"derived_contexts\","
                + "\"schemaCriterion\":\"iglu:org.ietf/http_cookie/jsonschema/1-*-*\",\"jsonPath\":\"$.value\"}}],"
                + "\"strategy\":{\"pseudonymize\":{\"hashFunction\":\"SHA-256\",\"salt\":\"pepper\"}}}}}");

        try (EnrichmentChain chain = EnrichmentChain.load(dir, resolver)) {
            EnrichedEvent event = pageView("https://shop.example.com/");
            ChainOutcome outcome = chain.apply(event, new EnrichmentContext(Map.of(),
                    List.of("Cookie: sp=alice@example.com")));

            // sha256("alice@example.com" + "pepper"), computed independently with Python hashlib
            assertThat(outcome.derivedContexts()).hasSize(1);
            assertThat(outcome.derivedContexts().get(0).data().path("value").asText())
                    .isEqualTo("a4e5a8a1e1713029af7a49d4a332a41e9d24dd6a8a96536a5938f8e0eb673546");
            assertThat(outcome.piiEvent()).isPresent();
            assertThat(outcome.piiEvent().get().getEventName()).isEqualTo("pii_transformation");
            assertThat(outcome.piiEvent().get().getContexts()).contains(event.getEventId());
        }
    }

    @Test
    void theEmptyChainChangesNothing() {
        EnrichedEvent event = pageView("https://shop.example.com/?utm_source=x");

        ChainOutcome outcome = EnrichmentChain.empty().apply(event, TestEvents.noContext());

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.derivedContexts()).isEmpty();
        assertThat(event.getMktSource()).isNull();
    }

    @Test
    void theDefaultDirectoryLoadsOffline() throws Exception {
        Path defaults = DefaultEnrichments.copyTo(dir.resolve("enrichments"));

        try (EnrichmentChain chain = EnrichmentChain.load(defaults, resolver)) {
            assertThat(names(chain)).containsExactly("campaign_attribution", "event_fingerprint_config",
                    "cookie_extractor_config", "yauaa_enrichment_config");
            EnrichedEvent event = pageView("https://shop.example.com/?utm_campaign=launch");
            ChainOutcome outcome = chain.apply(event, new EnrichmentContext(Map.of("e", "pv"),
                    List.of("Cookie: sp=1f2e3d")));
            assertThat(event.getMktCampaign()).isEqualTo("launch");
            assertThat(outcome.derivedContexts()).extracting(c -> c.schema().name())
                    .containsExactly("http_cookie", "yauaa_context");
            outcome.derivedContexts().forEach(c -> assertThat(resolver.validate(c).isValid()).isTrue());
        }
    }

    @Test
    void ensureInKeepsAUsersEditedDirectory() throws Exception {
        Path enrichments = DefaultEnrichments.ensureIn(dir.resolve("enrichments"));
        assertThat(enrichments.resolve("anon_ip.json")).exists();
        Files.delete(enrichments.resolve("yauaa_enrichment_config.json"));

        DefaultEnrichments.ensureIn(enrichments);

        assertThat(enrichments.resolve("yauaa_enrichment_config.json")).doesNotExist();
        assertThat(enrichments.resolve("campaign_attribution.json")).exists();
    }
}
