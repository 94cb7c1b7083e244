package dev.tributary.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.enrich.config.EnrichConfig;
import dev.tributary.enrich.enrichments.EnrichmentChain;
import dev.tributary.enrich.enrichments.TestEvents;
import dev.tributary.schemas.iglu.Resolver;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enrichments that look things up (referer database, MaxMind database) or read the request headers, run
 * through the topology from an enrichment directory whose databases are local files, as an offline deployment
 * configures them.
 */
class EnrichTopologyWithLookupsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SP_COOKIE = "4b1c3a8e-0a3f-4e39-9c2e-1f4c8d0b7a11";

    @TempDir
    static Path enrichments;

    @TempDir
    static Path assets;

    static EnrichmentChain chain;

    @BeforeAll
    static void loadChain() throws Exception {
        try (InputStream referers = EnrichTopologyWithLookupsTest.class
                .getResourceAsStream("/enrichments-test/referers-test.json")) {
            Files.copy(referers, assets.resolve("referers-test.json"));
        }
        TestEvents.geoLiteCityIn(assets);
        String local = "file:" + assets.toAbsolutePath();

        write("referer_parser.json", "com.snowplowanalytics.snowplow", "referer_parser", "2-0-0",
                "{\"internalDomains\": [\"shop.example.com\"], \"database\": \"referers-test.json\", \"uri\": \""
                        + local + "\"}");
        write("ip_lookups.json", "com.snowplowanalytics.snowplow", "ip_lookups", "2-0-0",
                "{\"geo\": {\"database\": \"GeoLite2-City.mmdb\", \"uri\": \"" + local + "\"}}");
        write("cookie_extractor_config.json", "com.snowplowanalytics.snowplow", "cookie_extractor_config", "1-0-0",
                "{\"cookies\": [\"sp\"]}");
        write("http_header_extractor_config.json", "com.snowplowanalytics.snowplow.enrichments",
                "http_header_extractor_config", "1-0-0", "{\"headersPattern\": \"^Accept-Language$\"}");
        chain = EnrichmentChain.load(enrichments, Resolver.bundled());
    }

    @AfterAll
    static void closeChain() {
        chain.close();
    }

    private static void write(String file, String vendor, String name, String version, String parameters)
            throws Exception {
        Files.writeString(enrichments.resolve(file), "{\"schema\": \"iglu:" + vendor + "/" + name + "/jsonschema/"
                + version + "\", \"data\": {\"vendor\": \"" + vendor + "\", \"name\": \"" + name
                + "\", \"enabled\": true, \"parameters\": " + parameters + "}}");
    }

    private static String query(Map<String, String> params) {
        StringBuilder qs = new StringBuilder();
        params.forEach((k, v) -> qs.append(qs.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return qs.toString();
    }

    private static List<JsonNode> derivedContexts(Map<String, String> fields, String schemaPrefix) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode context : JSON.readTree(fields.get("derived_contexts")).path("data")) {
            if (context.path("schema").asText().startsWith(schemaPrefix)) {
                found.add(context.path("data"));
            }
        }
        return found;
    }

    @Test
    void refererGeoCookieAndHeaderEnrichmentsSetTheirFieldsAndContexts() throws Exception {
        String qs = query(Map.of("e", "pv", "p", "web", "tv", "js-3", "url", "https://shop.example.com/shoes",
                "refr", "https://www.google.com/search?q=running+shoes"));
        var payload = RawPayloads.base("/i").setQuerystring(qs).setIpAddress("81.2.69.142")
                .setHeaders(List.of("Host: collector.example.com", "User-Agent: " + RawPayloads.UA,
                        "Cookie: sp=" + SP_COOKIE + "; theme=dark", "Accept-Language: en-GB,en;q=0.9"))
                .build();

        try (EnrichDriver driver = new EnrichDriver(chain, EnrichConfig.PartitionKey.EVENT_ID)) {
            driver.send(payload);

            assertThat(driver.bad()).isEmpty();
            Map<String, String> f = driver.good().get(0);
            // the test database lists google.com as the search engine "Google" with query parameter q
            assertThat(f).containsEntry("refr_medium", "search").containsEntry("refr_source", "Google")
                    .containsEntry("refr_term", "running shoes");
            // GeoLite2-City 2019-11-19 places 81.2.69.142 in Abingdon, Oxfordshire
            assertThat(f).containsEntry("geo_country", "GB").containsEntry("geo_region", "OXF")
                    .containsEntry("geo_city", "Abingdon").containsEntry("geo_timezone", "Europe/London");
            assertThat(derivedContexts(f, "iglu:org.ietf/http_cookie/")).singleElement().satisfies(cookie -> {
                assertThat(cookie.path("name").asText()).isEqualTo("sp");
                assertThat(cookie.path("value").asText()).isEqualTo(SP_COOKIE);
            });
            assertThat(derivedContexts(f, "iglu:org.ietf/http_header/")).singleElement().satisfies(header -> {
                assertThat(header.path("name").asText()).isEqualTo("Accept-Language");
                assertThat(header.path("value").asText()).isEqualTo("en-GB,en;q=0.9");
            });
        }
    }

    @Test
    void aRefererFromAnInternalDomainIsInternal() {
        String qs = query(Map.of("e", "pv", "p", "web", "tv", "js-3", "url", "https://shop.example.com/cart",
                "refr", "https://shop.example.com/shoes"));

        try (EnrichDriver driver = new EnrichDriver(chain, EnrichConfig.PartitionKey.EVENT_ID)) {
            driver.send(RawPayloads.get("/i", qs));

            assertThat(driver.good().get(0)).containsEntry("refr_medium", "internal");
        }
    }
}
