package dev.tributary.trigger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.trigger.config.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {

    final CliTestSupport cli = new CliTestSupport();

    @TempDir
    Path dir;

    @Test
    void theStreamSampleLintsClean() {
        int code = cli.run("lint", "config", "-c", Fixtures.resource("config/stream_config.yml").toString());

        assertThat(code).isZero();
        assertThat(cli.out()).contains("stream_config.yml: OK")
                .contains("Stream Enrich mode ignores these config.yml keys: ");
    }

    @Test
    void lintConfigReportsEachWrongValueByKeyPath() throws Exception {
        String text = Fixtures.withValue(Fixtures.streamConfigText(), "core_instance_count", "x");
        text = Fixtures.withValue(text, "log", "logs-bucket");
        text = Fixtures.withValue(text, "consolidate_shredded_output", "sometimes");
        Path file = Files.writeString(dir.resolve("config.yml"), text);

        int code = cli.run("lint", "config", "-c", file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(cli.err().lines()).containsExactlyInAnyOrder(
                "aws.emr.jobflow.core_instance_count: expected a non-negative integer, got \"x\"",
                "aws.s3.buckets.log: expected an s3:// folder, got \"logs-bucket\"",
                "aws.s3.consolidate_shredded_output: expected true or false, got \"sometimes\"");
    }

    @Test
    void lintResolverAcceptsAValidResolverAndNamesTheProblemOfABrokenOne() throws Exception {
        Path good = Files.writeString(dir.resolve("resolver.json"), """
                {"schema": "iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-1",
                 "data": {"cacheSize": 500, "repositories": [{"name": "Iglu Central", "priority": 0,
                   "vendorPrefixes": ["com.snowplowanalytics"], "connection": {"http": {"uri": "http://iglucentral.com"}}}]}}
                """);
        assertThat(cli.run("lint", "resolver", "-r", good.toString())).isZero();

        Path bad = Files.writeString(dir.resolve("bad.json"), """
                {"schema": "iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-1",
                 "data": {"cacheSize": "lots", "repositories": []}}
                """);
        assertThat(cli.run("lint", "resolver", "-r", bad.toString())).isEqualTo(1);
        assertThat(cli.err()).contains("bad.json").contains("cacheSize");
    }

    @Test
    void lintEnrichmentsValidatesEachFileAgainstItsSchema() throws Exception {
        Path resolver = Files.writeString(dir.resolve("resolver.json"), """
                {"schema": "iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-1",
                 "data": {"cacheSize": 500, "repositories": []}}
                """);
        Path enrichments = Files.createDirectory(dir.resolve("enrichments"));
        Files.writeString(enrichments.resolve("anon_ip.json"), """
                {"schema": "iglu:com.snowplowanalytics.snowplow/anon_ip/jsonschema/1-0-1",
                 "data": {"name": "anon_ip", "vendor": "com.snowplowanalytics.snowplow", "enabled": true,
                          "parameters": {"anonOctets": 1}}}
                """);
        assertThat(cli.run("lint", "enrichments", "-r", resolver.toString(), "-n", enrichments.toString()))
                .as(cli.err()).isZero();

        Files.writeString(enrichments.resolve("broken.json"), """
                {"schema": "iglu:com.snowplowanalytics.snowplow/anon_ip/jsonschema/1-0-1",
                 "data": {"name": "anon_ip", "vendor": "com.snowplowanalytics.snowplow", "enabled": "yes",
                          "parameters": {"anonOctets": 9}}}
                """);
        assertThat(cli.run("lint", "enrichments", "-r", resolver.toString(), "-n", enrichments.toString()))
                .isEqualTo(1);
        assertThat(cli.err()).contains("broken.json").doesNotContain("anon_ip.json");
    }

    @Test
    void lintTargetsRejectsDuplicateIds() throws Exception {
        Path targets = Files.createDirectory(dir.resolve("targets"));
        Files.copy(Fixtures.resource("targets/postgres.json"), targets.resolve("a.json"));
        Files.copy(Fixtures.resource("targets/postgres.json"), targets.resolve("b.json"));

        assertThat(cli.run("lint", "targets", "-t", targets.toString())).isEqualTo(1);
        assertThat(cli.err()).contains("b.json: data.id: expected an id no other target uses (a.json has it), "
                + "got \"aaaa1111-2222-3333-4444-555566667777\"");
        assertThat(cli.err()).doesNotContain("s3cr3t");
    }
}
