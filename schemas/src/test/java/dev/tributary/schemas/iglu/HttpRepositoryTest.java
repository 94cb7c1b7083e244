package dev.tributary.schemas.iglu;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs a real static Iglu repository on a local port, serving a directory in Iglu Central layout. */
class HttpRepositoryTest {

    private static final SchemaKey CLICK = SchemaKey.parse("iglu:com.acme/click/jsonschema/1-0-0");

    @TempDir
    Path root;

    private HttpServer server;
    private volatile boolean failing;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> apiKeys = new CopyOnWriteArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            String key = exchange.getRequestHeaders().getFirst("apikey");
            if (key != null) {
                apiKeys.add(key);
            }
            Path file = root.resolve(path.substring(1)).normalize();
            if (failing) {
                exchange.sendResponseHeaders(503, -1);
            } else if (file.startsWith(root) && Files.isRegularFile(file)) {
                byte[] body = Files.readAllBytes(file);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        server.start();
        SchemaDirectory.write(root, CLICK, SchemaDirectory.schemaWithRequired(CLICK, "target", "string"));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private Resolver resolver(Duration ttl) {
        return new Resolver(List.of(new HttpRepository("local http", 0, List.of(), baseUri(), "secret")), 100, ttl,
                clock);
    }

    @Test
    void looksUpOverHttpAndCachesTheAnswer() {
        Resolver resolver = resolver(Duration.ofMinutes(10));

        Resolution first = resolver.lookupSchema(CLICK);
        Resolution second = resolver.lookupSchema(CLICK);

        assertThat(first).isInstanceOf(Resolution.Resolved.class);
        assertThat(second).isEqualTo(first);
        assertThat(requests).containsExactly("/schemas/com.acme/click/jsonschema/1-0-0");
        assertThat(apiKeys).containsExactly("secret");
    }

    @Test
    void aKeyThatWouldLeaveTheSchemasPathIsNeverRequested() {
        HttpRepository repository = new HttpRepository("local http", 0, List.of(), baseUri(), "secret");

        RepositoryLookup lookup = repository.lookup(SchemaKey.parse("iglu:../admin/jsonschema/1-0-0"));

        assertThat(lookup).isInstanceOf(RepositoryLookup.InvalidSchema.class);
        assertThat(requests).isEmpty();
        assertThat(apiKeys).isEmpty();
    }

    @Test
    void notFoundIsCachedTooSoMissingSchemasDoNotCostARequestPerEvent() {
        Resolver resolver = resolver(Duration.ofMinutes(10));
        SchemaKey missing = SchemaKey.parse("iglu:com.acme/missing/jsonschema/1-0-0");

        for (int i = 0; i < 5; i++) {
            assertThat(resolver.lookupSchema(missing)).isInstanceOf(Resolution.Unresolved.class);
        }

        assertThat(requests).hasSize(1);
    }

    @Test
    void refetchesOnceTheTtlHasPassed() {
        Resolver resolver = resolver(Duration.ofSeconds(30));

        resolver.lookupSchema(CLICK);
        clock.advance(Duration.ofSeconds(29));
        resolver.lookupSchema(CLICK);
        assertThat(requests).hasSize(1);

        clock.advance(Duration.ofSeconds(2));
        resolver.lookupSchema(CLICK);
        assertThat(requests).hasSize(2);
    }

    @Test
    void anUnreachableRepositoryIsReportedAndTheNextOneIsAsked() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Resolver resolver = new Resolver(List.of(
                new HttpRepository("down", 0, List.of(), URI.create("http://127.0.0.1:" + closedPort), null),
                new HttpRepository("up", 1, List.of(), baseUri(), null)), 100, null, clock);
        SchemaKey missing = SchemaKey.parse("iglu:com.acme/missing/jsonschema/1-0-0");

        assertThat(((Resolution.Resolved) resolver.lookupSchema(CLICK)).repository()).isEqualTo("up");

        ResolutionError error = ((Resolution.Unresolved) resolver.lookupSchema(missing)).error();
        assertThat(error.attempts()).extracting(LookupAttempt::repository, LookupAttempt::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("down", LookupAttempt.Outcome.UNREACHABLE),
                org.assertj.core.groups.Tuple.tuple("up", LookupAttempt.Outcome.NOT_FOUND));
        assertThat(error.isTransient()).isTrue();
        assertThat(error.message()).contains("down: unreachable", "up: not found");
    }

    @Test
    void serverErrorsAreRetriedAfterAShortDelayNotAfterTheFullTtl() {
        Resolver resolver = resolver(Duration.ofHours(1));
        failing = true;
        assertThat(resolver.lookupSchema(CLICK)).isInstanceOf(Resolution.Unresolved.class);
        failing = false;

        clock.advance(Resolver.UNREACHABLE_TTL.minusSeconds(1));
        assertThat(resolver.lookupSchema(CLICK)).isInstanceOf(Resolution.Unresolved.class);
        clock.advance(Duration.ofSeconds(2));
        assertThat(resolver.lookupSchema(CLICK)).isInstanceOf(Resolution.Resolved.class);
        assertThat(requests).hasSize(2);
    }
}
