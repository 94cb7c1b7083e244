package dev.tributary.enrich.enrichments;

import static dev.tributary.enrich.enrichments.TestEvents.writeConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.schemas.iglu.Resolver;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every configuration problem stops start-up with a message naming the file, the field and the expectation. */
class EnrichmentConfigErrorsTest {

    private static final String SP = "iglu:com.snowplowanalytics.snowplow/";

    @TempDir
    Path dir;

    private EnrichmentConfigException loadFails() {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> EnrichmentChain.load(dir, Resolver.bundled(), new AssetStore(dir.resolve("cache"), false)));
        assertThat(thrown).isInstanceOf(EnrichmentConfigException.class);
        return (EnrichmentConfigException) thrown;
    }

    @Test
    void unknownEnrichmentSchema() {
        writeConfig(dir, "weather.json", SP + "weather_enrichment_config/jsonschema/1-0-0", true, "{}");

        EnrichmentConfigException e = loadFails();

        assertThat(e.file()).isEqualTo("weather.json");
        assertThat(e.field()).isEqualTo("schema");
        assertThat(e.getMessage()).startsWith("weather.json: schema: unknown enrichment schema "
                + "'iglu:com.snowplowanalytics.snowplow/weather_enrichment_config/jsonschema/1-0-0'")
                .contains("expected one of").contains("anon_ip/jsonschema/1-*-*");
    }

    @Test
    void parametersRejectedByTheConfigSchema() {
        writeConfig(dir, "anon_ip.json", SP + "anon_ip/jsonschema/1-0-1", true, "{\"anonOctets\":7}");

        EnrichmentConfigException e = loadFails();

        assertThat(e.file()).isEqualTo("anon_ip.json");
        assertThat(e.field()).isEqualTo("data.parameters.anonOctets");
        assertThat(e.getMessage()).startsWith("anon_ip.json: data.parameters.anonOctets: does not match "
                + SP + "anon_ip/jsonschema/1-0-1");
    }

    @Test
    void missingRequiredParameter() {
        writeConfig(dir, "fingerprint.json", SP + "event_fingerprint_config/jsonschema/1-0-1", true,
                "{\"excludeParameters\":[]}");

        EnrichmentConfigException e = loadFails();

        assertThat(e.getMessage()).startsWith("fingerprint.json: data.parameters").contains("hashAlgorithm");
    }

    @Test
    void schemaVersionTheResolverDoesNotKnow() {
        // anon_ip model 1 is supported, but no repository holds 1-0-9
        writeConfig(dir, "anon_ip.json", SP + "anon_ip/jsonschema/1-0-9", true, "{\"anonOctets\":1}");

        EnrichmentConfigException e = loadFails();

        assertThat(e.getMessage()).startsWith("anon_ip.json: schema: expected a schema the Iglu resolver can find");
    }

    @Test
    void unreadableGeoDatabase() {
        writeConfig(dir, "ip_lookups.json", SP + "ip_lookups/jsonschema/2-0-0", true,
                "{\"geo\":{\"database\":\"GeoLite2-City.mmdb\",\"uri\":\"" + dir.resolve("nowhere").toUri() + "\"}}");

        EnrichmentConfigException e = loadFails();

        assertThat(e.file()).isEqualTo("ip_lookups.json");
        assertThat(e.field()).isEqualTo("parameters.geo.uri");
        assertThat(e.getMessage()).contains("expected a readable file at").contains("nowhere");
    }

    @Test
    void geoDatabaseThatIsNotMaxMind() throws Exception {
        Path maxmind = Files.createDirectories(dir.resolve("maxmind"));
        Files.writeString(maxmind.resolve("GeoLite2-City.mmdb"), "this is not an mmdb file");
        writeConfig(dir, "ip_lookups.json", SP + "ip_lookups/jsonschema/2-0-0", true,
                "{\"geo\":{\"database\":\"GeoLite2-City.mmdb\",\"uri\":\"" + maxmind.toUri() + "\"}}");

        EnrichmentConfigException e = loadFails();

        assertThat(e.field()).isEqualTo("parameters.geo.database");
        assertThat(e.getMessage()).contains("expected a readable MaxMind .mmdb database");
    }

    @Test
    void geoDatabaseOfTheWrongKind() throws Exception {
        // the ASN database renamed: a valid mmdb file, but city lookups on it would all fail silently
        Path maxmind = Files.createDirectories(dir.resolve("maxmind"));
        try (var in = getClass().getResourceAsStream("/GeoLite2-ASN.mmdb")) {
            Files.copy(in, maxmind.resolve("GeoLite2-City.mmdb"));
        }
        writeConfig(dir, "ip_lookups.json", SP + "ip_lookups/jsonschema/2-0-0", true,
                "{\"geo\":{\"database\":\"GeoLite2-City.mmdb\",\"uri\":\"" + maxmind.toUri() + "\"}}");

        EnrichmentConfigException e = loadFails();

        assertThat(e.getMessage()).startsWith("ip_lookups.json: parameters.geo.database: expected a MaxMind City "
                + "database, got a GeoLite2-ASN database");
    }

    @Test
    void ispDatabaseOfTheWrongKindIsNamedByItsLookup() throws Exception {
        Path maxmind = Files.createDirectories(dir.resolve("maxmind"));
        TestEvents.geoLiteCityIn(maxmind);
        Files.move(maxmind.resolve("GeoLite2-City.mmdb"), maxmind.resolve("GeoIP2-ISP.mmdb"));
        writeConfig(dir, "ip_lookups.json", SP + "ip_lookups/jsonschema/2-0-0", true,
                "{\"isp\":{\"database\":\"GeoIP2-ISP.mmdb\",\"uri\":\"" + maxmind.toUri() + "\"}}");

        EnrichmentConfigException e = loadFails();

        assertThat(e.getMessage()).startsWith("ip_lookups.json: parameters.isp.database: expected a MaxMind ISP "
                + "database, got a GeoLite2-City database");
    }

    @Test
    void refererDatabaseThatIsNotInTheFormat() throws Exception {
        Files.writeString(dir.resolve("referers.json"), "{\"search\":{\"Google\":{\"parameters\":[\"q\"]}}}");
        writeConfig(dir, "referer_parser.json", SP + "referer_parser/jsonschema/2-0-0", true,
                "{\"internalDomains\":[],\"database\":\"referers.json\",\"uri\":\"" + dir.toUri() + "\"}");

        EnrichmentConfigException e = loadFails();

        assertThat(e.getMessage()).startsWith("referer_parser.json: parameters.database: expected a referer-parser "
                + "JSON database").contains("search.Google.domains");
    }

    @Test
    void unsupportedUriScheme() {
        writeConfig(dir, "referer_parser.json", SP + "referer_parser/jsonschema/2-0-0", true,
                "{\"internalDomains\":[],\"database\":\"referers.json\",\"uri\":\"s3://bucket/path\"}");

        EnrichmentConfigException e = loadFails();

        assertThat(e.getMessage()).isEqualTo("referer_parser.json: parameters.uri: expected a file:, http: or https: "
                + "URI, got 's3://bucket/path'");
    }

    @Test
    void fileThatIsNotJson() throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{\"schema\": ");

        EnrichmentConfigException e = loadFails();

        assertThat(e.getMessage()).startsWith("broken.json: expected a readable JSON file");
    }

    @Test
    void notSelfDescribing() throws Exception {
        Files.writeString(dir.resolve("plain.json"), "{\"enabled\": true}");

        EnrichmentConfigException e = loadFails();

        assertThat(e.getMessage()).startsWith("plain.json: schema: expected a self-describing enrichment "
                + "configuration");
    }

    @Test
    void theSameEnrichmentTwice() {
        writeConfig(dir, "anon_a.json", SP + "anon_ip/jsonschema/1-0-1", true, "{\"anonOctets\":1}");
        writeConfig(dir, "anon_b.json", SP + "anon_ip/jsonschema/1-0-1", false, "{\"anonOctets\":2}");

        EnrichmentConfigException e = loadFails();

        assertThat(e.getMessage()).startsWith("anon_b.json: schema: a second anon_ip configuration")
                .contains("anon_a.json");
    }

    @Test
    void invalidJsonPathInPii() {
        writeConfig(dir, "pii.json", "iglu:com.snowplowanalytics.snowplow.enrichments/pii_enrichment_config/"
                + "jsonschema/2-0-0", true, "{\"pii\":[{\"json\":{\"field\":\"contexts\",\"schemaCriterion\":"
                + "\"iglu:com.acme/x/jsonschema/1-*-*\",\"jsonPath\":\"$.a[?(@.b == 'x'\"}}],\"strategy\":{\"pseudonymize\":"
                + "{\"hashFunction\":\"MD5\",\"salt\":\"s\"}}}");

        EnrichmentConfigException e = loadFails();

        assertThat(e.getMessage()).startsWith("pii.json: parameters.pii[0].json.jsonPath: invalid JSONPath");
    }

    @Test
    void notADirectory() {
        assertThatThrownBy(() -> EnrichmentChain.load(dir.resolve("missing"), Resolver.bundled()))
                .isInstanceOf(EnrichmentConfigException.class)
                .hasMessageEndingWith("missing: expected a directory of enrichment JSON files");
    }
}
