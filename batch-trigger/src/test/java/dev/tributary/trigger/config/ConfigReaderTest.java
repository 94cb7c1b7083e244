package dev.tributary.trigger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {

    private final List<String> notices = new ArrayList<>();
    private final ConfigReader reader = new ConfigReader(Fixtures.ENV::get, notices::add);

    @Test
    void theStreamSampleWithEveryKeyParsesIntoTypedValues() {
        TriggerConfig c = reader.parse(Fixtures.streamConfigText(), "stream_config.yml");

        assertThat(c.aws().credentials().usesDefaultChain()).isFalse();
        TriggerConfig.S3 s3 = c.aws().s3();
        assertThat(s3.region()).isEqualTo("eu-west-1");
        assertThat(s3.buckets().assets()).isEqualTo(new S3Location("acme-snowplow-assets", ""));
        assertThat(s3.buckets().jsonpathAssets()).contains(new S3Location("acme-snowplow-assets", "jsonpaths/"));
        assertThat(s3.buckets().log().url()).isEqualTo("s3://acme-snowplow-logs/emr/");
        assertThat(s3.buckets().encrypted()).isTrue();
        assertThat(s3.sse()).isEqualTo(Sse.AES256);
        assertThat(s3.buckets().enriched().stream().url()).isEqualTo("s3://acme-snowplow/enriched/stream/");
        assertThat(s3.buckets().enriched().good().url()).isEqualTo("s3://acme-snowplow/enriched/good/");
        assertThat(s3.buckets().enriched().archive().url()).isEqualTo("s3://acme-snowplow/enriched/archive/");
        assertThat(s3.buckets().shredded().good().url()).isEqualTo("s3://acme-snowplow/shredded/good/");
        assertThat(s3.buckets().shredded().bad().url()).isEqualTo("s3://acme-snowplow/shredded/bad/");
        assertThat(s3.buckets().shredded().archive().url()).isEqualTo("s3://acme-snowplow/shredded/archive/");
        assertThat(s3.consolidateShreddedOutput()).isFalse();

        TriggerConfig.Emr emr = c.aws().emr();
        assertThat(emr.releaseLabel()).isEqualTo("emr-5.29.0");
        assertThat(emr.region()).isEqualTo("eu-west-1");
        assertThat(emr.jobflowRole()).isEqualTo("EMR_EC2_DefaultRole");
        assertThat(emr.serviceRole()).isEqualTo("EMR_DefaultRole");
        assertThat(emr.placement()).isEmpty();
        assertThat(emr.ec2SubnetId()).contains("subnet-0a1b2c3d");
        assertThat(emr.ec2KeyName()).contains("snowplow-ec2");
        assertThat(emr.securityConfiguration()).contains("snowplow-e2e-encryption");
        assertThat(emr.bootstrap()).containsExactly("s3://acme-snowplow-assets/bootstrap/extra-packages.sh");
        assertThat(emr.hbase()).isEmpty();
        assertThat(emr.bootstrapFailureTries()).isEqualTo(3);
        assertThat(emr.configuration()).isEqualTo(Map.of(
                "yarn-site", Map.of("yarn.resourcemanager.am.max-attempts", "1"),
                "spark", Map.of("maximizeResourceAllocation", "true")));
        assertThat(emr.additionalInfo()).isEmpty();
        TriggerConfig.Jobflow jf = emr.jobflow();
        assertThat(jf.jobName()).isEqualTo("Snowplow ETL");
        assertThat(jf.masterInstanceType()).isEqualTo("m4.large");
        assertThat(jf.coreInstanceCount()).isEqualTo(2);
        assertThat(jf.coreInstanceType()).isEqualTo("r4.xlarge");
        assertThat(jf.coreInstanceBid()).contains(new BigDecimal("0.25"));
        assertThat(jf.coreInstanceEbs()).contains(new TriggerConfig.Ebs(100, "io1", Optional.of(400), false));
        assertThat(jf.taskInstanceCount()).isEqualTo(3);
        assertThat(jf.taskInstanceType()).isEqualTo("m4.large");
        assertThat(jf.taskInstanceBid()).contains(new BigDecimal("0.015"));

        assertThat(c.enrich().outputCompression()).isEqualTo("GZIP");
        assertThat(c.monitoring().tags()).isEqualTo(Map.of("owner", "data-team", "env", "prod"));
        assertThat(c.monitoring().loggingLevel()).contains("DEBUG");
        assertThat(c.monitoring().snowplow()).contains(new TriggerConfig.SnowplowMonitoring("get", "http", 8080,
                "snowplow", "collector.acme.example"));
    }

    @Test
    void keysStreamModeIgnoresAreAcceptedAndNamedInOneLine() {
        reader.parse(Fixtures.streamConfigText(), "stream_config.yml");

        assertThat(notices).hasSize(1);
        assertThat(notices.get(0)).startsWith("Stream Enrich mode ignores these config.yml keys: ")
                .contains("aws.s3.buckets.shredded.errors", "aws.emr.software.lingual", "enrich.versions.spark_enrich",
                        "storage.versions.rdb_loader", "storage.versions.rdb_shredder",
                        "storage.versions.hadoop_elasticsearch");
    }

    @Test
    void unsetEnvironmentVariablesMeanTheSdkDefaultCredentialChain() {
        TriggerConfig c = new ConfigReader(name -> null, line -> { })
                .parse(Fixtures.streamConfigText(), "stream_config.yml");

        assertThat(c.aws().credentials().usesDefaultChain()).isTrue();
    }

    @Test
    void iamEnvAndDefaultWordsMeanTheDefaultChain() {
        for (String word : List.of("iam", "env", "default", "IAM")) {
            String text = Fixtures.withValue(Fixtures.withValue(Fixtures.streamConfigText(), "access_key_id", word),
                    "secret_access_key", word);
            assertThat(reader.parse(text, "c.yml").aws().credentials().usesDefaultChain()).as(word).isTrue();
        }
    }

    @Test
    void staticKeysNeverShowTheSecret() {
        TriggerConfig c = reader.parse(Fixtures.streamConfigText(), "stream_config.yml");

        assertThat(c.aws().credentials().toString()).doesNotContain("wJalrXUtnFEMI").doesNotContain("AKIAEXAMPLEKEY1")
                .contains("2345");
    }

    @Test
    void oneKeyWithoutTheOtherIsAProblemThatDoesNotPrintTheGivenSecret() {
        String text = Fixtures.withValue(Fixtures.streamConfigText(), "access_key_id", "");

        assertThatThrownBy(() -> reader.parse(text, "c.yml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("aws.access_key_id: expected a key")
                .hasMessageNotContaining("wJalrXUtnFEMI");
    }

    @Test
    void aWrongValueOfASecretKeyIsReportedMasked() {
        String text = Fixtures.withValue(Fixtures.streamConfigText(), "secret_access_key", "[not, a, value]");

        assertThatThrownBy(() -> reader.parse(text, "c.yml"))
                .hasMessageContaining("aws.secret_access_key: expected a single value, got ******")
                .hasMessageNotContaining("not, a, value");
    }

    @Test
    void theMonitoringCollectorIsAHostNameAndAnEmptyOneTurnsEventsOff() {
        String url = Fixtures.withValue(Fixtures.streamConfigText(), "collector", "http://collector.acme.com/i");
        assertThatThrownBy(() -> reader.parse(url, "c.yml"))
                .hasMessageContaining("monitoring.snowplow.collector: expected a host name without scheme, port or "
                        + "path (e.g. collector.acme.com), got \"http://collector.acme.com/i\"");

        String empty = Fixtures.withValue(Fixtures.streamConfigText(), "collector", "");
        assertThat(reader.parse(empty, "c.yml").monitoring().snowplow()).isEmpty();
    }

    @Test
    void withoutEnrichedStreamTheConfigIsRejectedByKeyPath() {
        String text = Fixtures.withValue(Fixtures.streamConfigText(), "stream", "");

        assertThatThrownBy(() -> reader.parse(text, "c.yml"))
                .hasMessageContaining("aws.s3.buckets.enriched.stream: expected an s3:// folder (the s3-loader's "
                        + "output)");
    }

    @Test
    void subnetOverridesPlacement() {
        String text = Fixtures.withValue(Fixtures.streamConfigText(), "placement", "eu-west-1a");
        assertThat(reader.parse(text, "c.yml").aws().emr().placement()).isEmpty();

        String noSubnet = Fixtures.withValue(text, "ec2_subnet_id", "");
        TriggerConfig.Emr emr = reader.parse(noSubnet, "c.yml").aws().emr();
        assertThat(emr.placement()).contains("eu-west-1a");
        assertThat(emr.ec2SubnetId()).isEmpty();
    }

    @Test
    void kmsEncryptionIsTheTributaryExtension() {
        String text = Fixtures.streamConfigText().replace("    consolidate_shredded_output: false",
                "    consolidate_shredded_output: false\n    encryption:\n      mode: aws:kms\n"
                        + "      kms_key_id: arn:aws:kms:eu-west-1:123456789012:key/abc");

        assertThat(reader.parse(text, "c.yml").aws().s3().sse())
                .isEqualTo(Sse.kms("arn:aws:kms:eu-west-1:123456789012:key/abc"));
    }

    @Test
    void unknownKeysAreNamedNotRejected() {
        String text = Fixtures.streamConfigText() + "extra:\n  thing: 1\n";

        reader.parse(text, "c.yml");

        assertThat(notices).anyMatch(n -> n.equals("Unknown config.yml keys, ignored: extra.thing"));
    }

    @Test
    void unsupportedErbIsAProblem() {
        String text = Fixtures.streamConfigText().replace("region: eu-west-1        #", "region: <%= 1 + 1 %> #");

        assertThatThrownBy(() -> reader.parse(text, "c.yml")).hasMessageContaining("only <%= ENV['NAME'] %> tags");
    }

    @Test
    void ignoredKeysAreNotValidated() {
        String text = Fixtures.withValue(Fixtures.streamConfigText(), "errors", "ADD HERE");
        text = Fixtures.withValue(text, "spark_enrich", "ADD HERE");

        assertThat(reader.parse(text, "c.yml").aws().s3().buckets().shredded().good().url())
                .isEqualTo("s3://acme-snowplow/shredded/good/");
    }
}
