package dev.tributary.trigger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A config with many wrong values: every one is reported, each by its key path with expected and given value. */
class ConfigLintTest {

    @Test
    void everyWrongValueIsReportedByKeyPath() {
        String text = Fixtures.streamConfigText();
        text = Fixtures.withValue(text, "core_instance_count", "x");
        text = Fixtures.withValue(text, "encrypted", "maybe");
        text = Fixtures.withValue(text, "good", "/tmp/enriched/good");
        text = Fixtures.withValue(text, "task_instance_bid", "-1");
        text = Fixtures.withValue(text, "volume_type", "floppy");
        text = Fixtures.withValue(text, "ami_version", "latest");
        text = Fixtures.withValue(text, "output_compression", "NONE");
        text = Fixtures.withValue(text, "port", "70000");
        text = Fixtures.withValue(text, "bootstrap_failure_tries", "three");
        String broken = Fixtures.withValue(text, "job_name", "");

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> new ConfigReader(Fixtures.ENV::get, l -> { }).parse(broken, "config.yml"));

        List<String> messages = e.problems().stream().map(ConfigProblem::message).toList();
        assertThat(messages).containsExactlyInAnyOrder(
                "aws.emr.jobflow.core_instance_count: expected a non-negative integer, got \"x\"",
                "aws.s3.buckets.encrypted: expected true or false, got \"maybe\"",
                "aws.s3.buckets.enriched.good: expected an s3:// folder, got \"/tmp/enriched/good\"",
                "aws.emr.jobflow.task_instance_bid: expected a positive price in USD or nothing, got \"-1\"",
                "aws.emr.jobflow.core_instance_ebs.volume_type: expected one of gp2, gp3, io1, io2, st1, sc1, "
                        + "standard, got \"floppy\"",
                "aws.emr.ami_version: expected a release version like 5.29.0, got \"latest\"",
                "enrich.output_compression: expected GZIP (the only compression Stream Enrich mode supports), "
                        + "got \"NONE\"",
                "monitoring.snowplow.port: expected a TCP port (1-65535), got \"70000\"",
                "aws.emr.bootstrap_failure_tries: expected a non-negative integer, got \"three\"",
                "aws.emr.jobflow.job_name: expected a value, got nothing");
        assertThat(e.getMessage()).startsWith("config.yml:");
    }
}
