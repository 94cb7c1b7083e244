package dev.tributary.schemas.iglu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResolverConfigTest {

    private static final String SNOWPLOW_STYLE = """
            {
              "schema": "iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-3",
              "data": {
                "cacheSize": 500,
                "cacheTtl": 600,
                "repositories": [
                  {"name": "Iglu Central", "priority": 0, "vendorPrefixes": ["com.snowplowanalytics"],
                   "connection": {"http": {"uri": "http://iglucentral.com"}}},
                  {"name": "Acme private", "priority": 1, "vendorPrefixes": ["com.acme"],
                   "connection": {"http": {"uri": "https://iglu.acme.example/api", "apikey": "k-123"}}},
                  {"name": "Embedded", "priority": 2, "vendorPrefixes": [],
                   "connection": {"embedded": {"path": "/iglu"}}}
                ]
              }
            }""";

    @Test
    void readsSnowplowsResolverJson() {
        ResolverConfig config = ResolverConfig.parse(SNOWPLOW_STYLE);

        assertThat(config.cacheSize()).isEqualTo(500);
        assertThat(config.cacheTtl()).isEqualTo(Duration.ofSeconds(600));
        assertThat(config.repositories()).extracting(ResolverConfig.RepositoryConfig::name)
                .containsExactly("Iglu Central", "Acme private", "Embedded");
        assertThat(config.repositories().get(1).connection())
                .isEqualTo(new ResolverConfig.Connection.Http(URI.create("https://iglu.acme.example/api"), "k-123"));
        assertThat(config.repositories().get(2).toRepository()).isInstanceOf(ClasspathRepository.class);
    }

    @Test
    void theApiKeyIsUsedButNeverPrinted() {
        ResolverConfig config = ResolverConfig.parse(SNOWPLOW_STYLE);
        ResolverConfig.Connection.Http http = (ResolverConfig.Connection.Http) config.repositories().get(1).connection();

        assertThat(http.apiKey()).isEqualTo("k-123");
        assertThat(http.toString()).doesNotContain("k-123").contains("apiKey=****");
        assertThat(config.toString()).doesNotContain("k-123");
        assertThat(config.repositories().get(1).toRepository().toString()).doesNotContain("k-123");
    }

    @Test
    void acceptsTheDataWithoutItsWrapperAndAMissingTtl() {
        ResolverConfig config = ResolverConfig.parse("""
                {"cacheSize": 0, "repositories": []}""");

        assertThat(config.cacheTtl()).isNull();
        assertThat(config.repositories()).isEmpty();
    }

    @Test
    void embeddedPathRuleClasspathUnlessFileOrExistingDirectory(@TempDir Path dir) {
        assertThat(new ResolverConfig.Connection.Embedded("/iglu-embedded").filesystemDirectory()).isNull();
        assertThat(new ResolverConfig.Connection.Embedded("classpath:" + dir).filesystemDirectory()).isNull();
        assertThat(new ResolverConfig.Connection.Embedded("file:" + dir).filesystemDirectory()).isEqualTo(dir);
        assertThat(new ResolverConfig.Connection.Embedded(dir.toUri().toString()).filesystemDirectory())
                .isEqualTo(dir);
        assertThat(new ResolverConfig.Connection.Embedded(dir.toString()).filesystemDirectory()).isEqualTo(dir);
    }

    @Test
    void aResolverBuiltFromConfigUsesAFilesystemRepository(@TempDir Path dir) {
        SchemaKey key = SchemaKey.parse("iglu:com.acme/click/jsonschema/1-0-0");
        SchemaDirectory.write(dir, key, SchemaDirectory.schemaWithRequired(key, "target", "string"));
        String json = """
                {"cacheSize": 10, "repositories": [
                  {"name": "etc", "priority": 0, "vendorPrefixes": [], "connection": {"embedded": {"path": "file:%s"}}}]}
                """.formatted(dir.toString().replace("\\", "/"));

        Resolver resolver = Resolver.fromConfig(ResolverConfig.parse(json));

        assertThat(resolver.lookupSchema(key)).isInstanceOf(Resolution.Resolved.class);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"schema\":\"iglu:com.acme/other/jsonschema/1-0-0\",\"data\":{}}     | schema",
            "{\"repositories\":[]}                                                  | cacheSize",
            "{\"cacheSize\":\"big\",\"repositories\":[]}                            | cacheSize",
            "{\"cacheSize\":-1,\"repositories\":[]}                                 | cacheSize",
            "{\"cacheSize\":1,\"cacheTtl\":1.5,\"repositories\":[]}                 | cacheTtl",
            "{\"cacheSize\":1}                                                      | repositories",
            "{\"cacheSize\":1,\"repositories\":[],\"extra\":1}                      | extra",
            "{\"cacheSize\":1,\"repositories\":[{\"priority\":0,\"vendorPrefixes\":[],\"connection\":{\"embedded\":{\"path\":\"/x\"}}}]} | repositories[0].name",
            "{\"cacheSize\":1,\"repositories\":[{\"name\":\"a\",\"vendorPrefixes\":[],\"connection\":{\"embedded\":{\"path\":\"/x\"}}}]} | repositories[0].priority",
            "{\"cacheSize\":1,\"repositories\":[{\"name\":\"a\",\"priority\":0,\"vendorPrefixes\":[1],\"connection\":{\"embedded\":{\"path\":\"/x\"}}}]} | repositories[0].vendorPrefixes[0]",
            "{\"cacheSize\":1,\"repositories\":[{\"name\":\"a\",\"priority\":0,\"vendorPrefixes\":[],\"connection\":{\"embedded\":{\"path\":\"/x\"}}},{\"name\":\"b\",\"priority\":0,\"vendorPrefixes\":[],\"connection\":{\"ftp\":{}}}]} | repositories[1].connection",
            "{\"cacheSize\":1,\"repositories\":[{\"name\":\"a\",\"priority\":0,\"vendorPrefixes\":[],\"connection\":{\"embedded\":{}}}]} | repositories[0].connection.embedded.path",
            "{\"cacheSize\":1,\"repositories\":[{\"name\":\"a\",\"priority\":0,\"vendorPrefixes\":[],\"connection\":{\"http\":{\"uri\":\"iglucentral.com\"}}}]} | repositories[0].connection.http.uri",
            "{\"cacheSize\":1,\"repositories\":[{\"name\":\"a\",\"priority\":0,\"vendorPrefixes\":[],\"connection\":{\"http\":{\"uri\":\"http://x\",\"apikey\":5}}}]} | repositories[0].connection.http.apikey"})
    void errorsNameTheOffendingKey(String json, String key) {
        assertThatThrownBy(() -> ResolverConfig.parse(json))
                .isInstanceOf(ResolverConfigException.class)
                .hasMessageStartingWith(key + ": ")
                .extracting(e -> ((ResolverConfigException) e).key())
                .isEqualTo(key);
    }

    @Test
    void unknownConnectionTypeSaysWhatIsExpected() {
        assertThatThrownBy(() -> ResolverConfig.parse("""
                {"cacheSize": 1, "repositories": [
                  {"name": "a", "priority": 0, "vendorPrefixes": [], "connection": {"embedded": {"path": "/x"}}},
                  {"name": "b", "priority": 0, "vendorPrefixes": [], "connection": {"s3": {"bucket": "x"}}}]}"""))
                .hasMessage("repositories[1].connection: expected \"embedded\" or \"http\"");
    }

    @Test
    void theBundledConfigResolvesTheBundledSchemas() {
        Resolver resolver = Resolver.fromConfig(ResolverConfig.bundled());

        assertThat(resolver.repositories()).singleElement().isInstanceOf(ClasspathRepository.class);
        assertThat(resolver.lookupSchema(SchemaKey.parse(
                "iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-3")))
                .isInstanceOf(Resolution.Resolved.class);
        assertThat(List.of()).isEmpty();
    }
}
