package dev.tributary.enrich.enrichments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import dev.tributary.schemas.iglu.SchemaKey;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads over a real local HTTP server; files are cached and reused like Snowplow's. */
class AssetStoreTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String body = "{\"search\":{}}";

    private final EnrichmentConfig config = new EnrichmentConfig("referer_parser.json",
            SchemaKey.parse("iglu:com.snowplowanalytics.snowplow/referer_parser/jsonschema/2-0-0"),
            JsonNodeFactory.instance.objectNode(), null);

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/assets/referers.json", exchange -> {
            requests.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/assets";
    }

    @Test
    void downloadsOnceThenReusesTheCachedFile() throws Exception {
        AssetStore store = new AssetStore(dir.resolve("cache"), false);

        Path first = store.locate(config, "parameters", base(), "referers.json");
        body = "{\"changed\":{}}";
        Path second = new AssetStore(dir.resolve("cache"), false).locate(config, "parameters", base(),
                "referers.json");

        assertThat(requests.get()).isEqualTo(1);
        assertThat(second).isEqualTo(first).startsWith(dir.resolve("cache"));
        assertThat(Files.readString(second)).isEqualTo("{\"search\":{}}");
    }

    @Test
    void forceDownloadRefreshesTheCache() throws Exception {
        new AssetStore(dir.resolve("cache"), false).locate(config, "parameters", base(), "referers.json");
        body = "{\"changed\":{}}";

        Path refreshed = new AssetStore(dir.resolve("cache"), true).locate(config, "parameters", base(),
                "referers.json");

        assertThat(requests.get()).isEqualTo(2);
        assertThat(Files.readString(refreshed)).isEqualTo("{\"changed\":{}}");
    }

    @Test
    void aMissingRemoteFileIsAConfigErrorNamingTheField() {
        AssetStore store = new AssetStore(dir.resolve("cache"), false);

        assertThatThrownBy(() -> store.locate(config, "parameters", base(), "nothing-here.json"))
                .isInstanceOf(EnrichmentConfigException.class)
                .hasMessageStartingWith("referer_parser.json: parameters.uri: download of " + base()
                        + "/nothing-here.json answered HTTP 404; expected 200");
    }

    @Test
    void fileUrisAreReadInPlace() throws Exception {
        Files.writeString(dir.resolve("local.json"), "{}");

        Path located = new AssetStore(dir.resolve("cache"), false).locate(config, "parameters",
                dir.toUri().toString(), "local.json");

        assertThat(located).isEqualTo(dir.resolve("local.json"));
        assertThat(Files.exists(dir.resolve("cache"))).isFalse();
    }

    @Test
    void aBareAbsolutePathIsALocalDirectory() throws Exception {
        Files.writeString(dir.resolve("local.json"), "{}");

        Path located = new AssetStore(dir.resolve("cache"), false).locate(config, "parameters",
                dir.toAbsolutePath().toString(), "local.json");

        assertThat(located).isEqualTo(dir.resolve("local.json"));
    }

    @Test
    void theCacheDirectoryIsOwnerOnly() throws Exception {
        Path cache = dir.resolve("state/enrichment-assets");

        new AssetStore(cache, false).locate(config, "parameters", base(), "referers.json");

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)))
                .isEqualTo("rwx------");
    }
}
