package dev.tributary.enrich.app;

import dev.tributary.enrich.EnrichTestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.enrich.config.EnrichConfig;
import dev.tributary.runtime.config.ConfigError;
import dev.tributary.runtime.monitoring.HealthRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.tributary.enrich.enrichments.EnrichmentChain;
import dev.tributary.enrich.topology.EnrichDriver;
import dev.tributary.enrich.topology.RawPayloads;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link StreamEnrichApp#create} checks before it touches Kafka: the enrichment directory and the resolver
 * file. The broker address is unreachable on purpose: a config error must stop start-up before any connection.
 */
class StreamEnrichStartupTest {

    @TempDir
    Path dir;

    private EnrichConfig config(Map<String, Object> values) {
        Map<String, Object> all = new java.util.HashMap<>(values);
        all.put("enrich.bootstrap-servers", "127.0.0.1:1");
        return EnrichTestConfigs.of((all));
    }

    private static StreamEnrichApp create(EnrichConfig config) {
        return StreamEnrichApp.create(config, new SimpleMeterRegistry(), new HealthRegistry());
    }

    private Path enrichmentDir(String file, String json) throws Exception {
        Path enrichments = Files.createDirectories(dir.resolve("enrichments"));
        Files.writeString(enrichments.resolve(file), json);
        return enrichments;
    }

    @Test
    void invalidEnrichmentParametersStopStartUpNamingFileAndField() throws Exception {
        Path enrichments = enrichmentDir("anon_ip.json", """
                {"schema": "iglu:com.snowplowanalytics.snowplow/anon_ip/jsonschema/1-0-1",
                 "data": {"vendor": "com.snowplowanalytics.snowplow", "name": "anon_ip", "enabled": true,
                          "parameters": {"anonOctets": 7}}}""");

        assertThatThrownBy(() -> create(config(Map.of("enrich.enrichments", enrichments.toString()))))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("enrich.enrichments").hasMessageContaining("anon_ip.json")
                .hasMessageContaining("anonOctets");
    }

    @Test
    void anUnknownEnrichmentSchemaStopsStartUp() throws Exception {
        Path enrichments = enrichmentDir("mystery.json", """
                {"schema": "iglu:com.acme/mystery_enrichment/jsonschema/1-0-0",
                 "data": {"vendor": "com.acme", "name": "mystery_enrichment", "enabled": true, "parameters": {}}}""");

        assertThatThrownBy(() -> create(config(Map.of("enrich.enrichments", enrichments.toString()))))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("mystery.json").hasMessageContaining("schema");
    }

    @Test
    void anUnreadableDatabaseStopsStartUp() throws Exception {
        Path enrichments = enrichmentDir("ip_lookups.json", """
                {"schema": "iglu:com.snowplowanalytics.snowplow/ip_lookups/jsonschema/2-0-0",
                 "data": {"vendor": "com.snowplowanalytics.snowplow", "name": "ip_lookups", "enabled": true,
                          "parameters": {"geo": {"database": "GeoLite2-City.mmdb", "uri": "file:%s"}}}}"""
                .formatted(dir.resolve("no-such-dir")));

        assertThatThrownBy(() -> create(config(Map.of("enrich.enrichments", enrichments.toString()))))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("ip_lookups.json").hasMessageContaining("geo");
    }

    @Test
    void aBrokenResolverFileStopsStartUpNamingTheFile() throws Exception {
        Path resolver = dir.resolve("resolver.json");
        Files.writeString(resolver, "{\"schema\": \"iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-1\","
                + " \"data\": {\"cacheSize\": 10, \"repositories\": [{\"name\": \"x\"}]}}");

        assertThatThrownBy(() -> create(config(Map.of("enrich.resolver", resolver.toString()))))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("enrich.resolver").hasMessageContaining(resolver.toString());
    }

    @Test
    void aUserResolverAddsRepositoriesForCustomSchemas() throws Exception {
        Path repo = dir.resolve("repo");
        Path schemaFile = repo.resolve("schemas/com.acme/checkout/jsonschema/1-0-0");
        Files.createDirectories(schemaFile.getParent());
        Files.writeString(schemaFile, """
                {"$schema": "http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#",
                 "description": "test schema", "self": {"vendor": "com.acme", "name": "checkout",
                 "format": "jsonschema", "version": "1-0-0"},
                 "type": "object", "properties": {"total": {"type": "number"}}, "required": ["total"]}""");
        Path resolverFile = dir.resolve("resolver.json");
        Files.writeString(resolverFile, """
                {"schema": "iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-1",
                 "data": {"cacheSize": 100, "repositories": [
                   {"name": "bundled", "priority": 0, "vendorPrefixes": [], "connection": {"embedded": {"path": "/iglu"}}},
                   {"name": "acme", "priority": 1, "vendorPrefixes": ["com.acme"],
                    "connection": {"embedded": {"path": "file:%s"}}}]}}""".formatted(repo));
        var resolver = StreamEnrichApp.resolver(config(Map.of("enrich.resolver", resolverFile.toString())));
        String ue = "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0\","
                + "\"data\":{\"schema\":\"iglu:com.acme/checkout/jsonschema/1-0-0\",\"data\":{\"total\":%s}}}";

        try (EnrichDriver driver = new EnrichDriver(EnrichmentChain.empty(), EnrichConfig.PartitionKey.EVENT_ID,
                resolver)) {
            driver.send(RawPayloads.get("/i", "e=ue&p=web&tv=t&ue_pr="
                    + URLEncoder.encode(ue.formatted("12.5"), StandardCharsets.UTF_8)));
            driver.send(RawPayloads.get("/i", "e=ue&p=web&tv=t&ue_pr="
                    + URLEncoder.encode(ue.formatted("\"lots\""), StandardCharsets.UTF_8)));

            assertThat(driver.good()).singleElement().satisfies(f ->
                    assertThat(f).containsEntry("event_vendor", "com.acme").containsEntry("event_name", "checkout"));
            assertThat(driver.bad()).singleElement().satisfies(row ->
                    assertThat(row.data().at("/failure/messages/0/schemaKey").asText())
                            .isEqualTo("iglu:com.acme/checkout/jsonschema/1-0-0"));
        }
    }
}
