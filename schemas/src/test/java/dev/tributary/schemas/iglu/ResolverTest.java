package dev.tributary.schemas.iglu;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResolverTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaKey CLICK = SchemaKey.parse("iglu:com.acme/click/jsonschema/1-0-0");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void bundledResolverFindsAndValidatesTrackerPayloads() throws Exception {
        Resolver resolver = Resolver.bundled();
        SelfDescribingJson good = SelfDescribingJson.parse("""
                {"schema": "iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4",
                 "data": [{"e": "pv", "p": "web", "tv": "js-3.0.0", "url": "https://shop.example/"}]}""");
        SelfDescribingJson bad = SelfDescribingJson.parse("""
                {"schema": "iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4",
                 "data": [{"e": "pv", "p": "web", "tv": "js-3.0.0"}, {"e": "pv", "tv": 3}]}""");

        assertThat(resolver.lookupSchema(good.schema())).isInstanceOf(Resolution.Resolved.class);
        assertThat(resolver.validate(good).isValid()).isTrue();

        ValidationResult result = resolver.validate(bad);
        assertThat(result).isInstanceOf(ValidationResult.Invalid.class);
        List<ValidationIssue> issues = ((ValidationResult.Invalid) result).issues();
        assertThat(issues).extracting(ValidationIssue::path).contains("$[1].tv", "$[1]");
        assertThat(issues).extracting(ValidationIssue::keyword).contains("type", "required");
        assertThat(result.describe()).contains("p").contains("tv");
    }

    @Test
    void unknownSchemaIsUnresolvedWithEveryRepositoryListed(@TempDir Path dir) throws Exception {
        Resolver resolver = new Resolver(List.of(
                new ClasspathRepository("bundled", 0, List.of(), "/iglu"),
                new DirectoryRepository("local", 5, List.of(), dir)), 10, null, clock);

        ValidationResult result = resolver.validate(CLICK, JSON.readTree("{\"target\": \"x\"}"));

        assertThat(result).isInstanceOf(ValidationResult.Unresolved.class);
        ResolutionError error = ((ValidationResult.Unresolved) result).error();
        assertThat(error.attempts()).extracting(LookupAttempt::repository).containsExactly("bundled", "local");
        assertThat(error.attempts()).extracting(LookupAttempt::outcome)
                .containsOnly(LookupAttempt.Outcome.NOT_FOUND);
        assertThat(error.message()).contains("iglu:com.acme/click/jsonschema/1-0-0", "bundled: not found",
                "local: not found");
    }

    @Test
    void vendorPrefixBeatsPriorityAndPriorityOrdersTheRest(@TempDir Path a, @TempDir Path b) throws Exception {
        // Both directories hold com.acme/click 1-0-0 but disagree on the type of "target".
        SchemaDirectory.write(a, CLICK, SchemaDirectory.schemaWithRequired(CLICK, "target", "string"));
        SchemaDirectory.write(b, CLICK, SchemaDirectory.schemaWithRequired(CLICK, "target", "integer"));
        var stringTarget = JSON.readTree("{\"target\": \"buy\"}");

        Resolver byPriority = new Resolver(List.of(
                new DirectoryRepository("a", 10, List.of(), a),
                new DirectoryRepository("b", 1, List.of(), b)), 10, null, clock);
        assertThat(((Resolution.Resolved) byPriority.lookupSchema(CLICK)).repository()).isEqualTo("b");
        assertThat(byPriority.validate(CLICK, stringTarget).isValid()).isFalse();

        Resolver byVendor = new Resolver(List.of(
                new DirectoryRepository("a", 10, List.of("com.acme"), a),
                new DirectoryRepository("b", 1, List.of("com.other"), b)), 10, null, clock);
        assertThat(((Resolution.Resolved) byVendor.lookupSchema(CLICK)).repository()).isEqualTo("a");
        assertThat(byVendor.validate(CLICK, stringTarget).isValid()).isTrue();
    }

    @Test
    void embeddedRepositoriesAreAskedBeforeHttpOnes(@TempDir Path dir) {
        Repository http = new HttpRepository("remote", 0, List.of(), java.net.URI.create("http://127.0.0.1:9"), null);
        Repository local = new DirectoryRepository("local", 100, List.of(), dir);
        Repository preferredHttp = new HttpRepository("acme-remote", 50, List.of("com.acme"),
                java.net.URI.create("http://127.0.0.1:9"), null);

        Resolver resolver = new Resolver(List.of(http, local, preferredHttp), 10, null, clock);

        assertThat(resolver.lookupOrder(CLICK)).extracting(Repository::name)
                .containsExactly("acme-remote", "local", "remote");
    }

    @Test
    void aSchemaWhoseSelfDoesNotMatchIsSkipped(@TempDir Path wrong, @TempDir Path right) {
        SchemaKey other = SchemaKey.parse("iglu:com.acme/click/jsonschema/1-0-1");
        SchemaDirectory.write(wrong, CLICK, SchemaDirectory.schemaWithRequired(other, "target", "string"));
        SchemaDirectory.write(right, CLICK, SchemaDirectory.schemaWithRequired(CLICK, "target", "string"));

        Resolver resolver = new Resolver(List.of(
                new DirectoryRepository("wrong", 0, List.of(), wrong),
                new DirectoryRepository("right", 1, List.of(), right)), 10, null, clock);
        Resolver onlyWrong = new Resolver(List.of(new DirectoryRepository("wrong", 0, List.of(), wrong)),
                10, null, clock);

        assertThat(((Resolution.Resolved) resolver.lookupSchema(CLICK)).repository()).isEqualTo("right");
        Resolution.Unresolved unresolved = (Resolution.Unresolved) onlyWrong.lookupSchema(CLICK);
        assertThat(unresolved.error().attempts()).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(LookupAttempt.Outcome.INVALID_SCHEMA);
            assertThat(a.message()).contains("1-0-1");
        });
    }

    @Test
    void aSchemaThatDoesNotCompileIsReportedAsInvalidSchema(@TempDir Path dir) throws Exception {
        SchemaDirectory.write(dir, CLICK, """
                {"$schema": "%s",
                 "self": {"vendor": "com.acme", "name": "click", "format": "jsonschema", "version": "1-0-0"},
                 "type": "object", "properties": {"target": {"$ref": "#/definitions/missing"}}}
                """.formatted(JsonSchemaCompiler.IGLU_META_SCHEMA));
        Resolver resolver = new Resolver(List.of(new DirectoryRepository("local", 0, List.of(), dir)), 10, null,
                clock);

        ValidationResult result = resolver.validate(CLICK, JSON.readTree("{\"target\": 1}"));

        assertThat(result).isInstanceOf(ValidationResult.InvalidSchema.class);
    }

    @Test
    void notFoundIsCachedUntilTheTtlExpires(@TempDir Path dir) {
        Resolver resolver = new Resolver(List.of(new DirectoryRepository("local", 0, List.of(), dir)), 10,
                Duration.ofSeconds(60), clock);
        assertThat(resolver.lookupSchema(CLICK)).isInstanceOf(Resolution.Unresolved.class);

        SchemaDirectory.write(dir, CLICK, SchemaDirectory.schemaWithRequired(CLICK, "target", "string"));
        clock.advance(Duration.ofSeconds(59));
        assertThat(resolver.lookupSchema(CLICK)).isInstanceOf(Resolution.Unresolved.class);

        clock.advance(Duration.ofSeconds(2));
        assertThat(resolver.lookupSchema(CLICK)).isInstanceOf(Resolution.Resolved.class);
    }

    @Test
    void aNullTtlKeepsTheAnswerAndACacheSizeOfZeroCachesNothing(@TempDir Path dir) {
        Resolver cached = new Resolver(List.of(new DirectoryRepository("local", 0, List.of(), dir)), 10, null, clock);
        Resolver uncached = new Resolver(List.of(new DirectoryRepository("local", 0, List.of(), dir)), 0, null, clock);
        assertThat(cached.lookupSchema(CLICK)).isInstanceOf(Resolution.Unresolved.class);
        assertThat(uncached.lookupSchema(CLICK)).isInstanceOf(Resolution.Unresolved.class);

        SchemaDirectory.write(dir, CLICK, SchemaDirectory.schemaWithRequired(CLICK, "target", "string"));
        clock.advance(Duration.ofDays(365));

        assertThat(cached.lookupSchema(CLICK)).isInstanceOf(Resolution.Unresolved.class);
        assertThat(uncached.lookupSchema(CLICK)).isInstanceOf(Resolution.Resolved.class);
    }

    @Test
    void sharedAcrossThreadsGivesTheSameAnswers() throws Exception {
        Resolver resolver = Resolver.bundled();
        SelfDescribingJson event = SelfDescribingJson.parse("""
                {"schema": "iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4",
                 "data": [{"e": "pv", "p": "web", "tv": "js-3.0.0"}]}""");
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger valid = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    if (resolver.validate(event).isValid()) {
                        valid.incrementAndGet();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(valid.get()).isEqualTo(8 * 200);
    }
}
