package dev.tributary.trigger.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** EmrEtlRunner's stream-mode config.yml, typed. Only the keys the trigger acts on are here; see README. */
public record TriggerConfig(Aws aws, Enrich enrich, Storage storage, Monitoring monitoring) {

    public record Aws(AwsCredentialsSource credentials, S3 s3, Emr emr) {
    }

    /** {@code aws.s3}. {@code sse} is worked out from {@code buckets.encrypted} and the {@code encryption} extension. */
    public record S3(String region, Buckets buckets, boolean consolidateShreddedOutput, Sse sse) {
    }

    public record Buckets(
            S3Location assets,
            Optional<S3Location> jsonpathAssets,
            S3Location log,
            boolean encrypted,
            Enriched enriched,
            Shredded shredded) {
    }

    /** {@code aws.s3.buckets.enriched}: stream is the s3-loader's output; its presence is what "stream mode" means. */
    public record Enriched(S3Location stream, S3Location good, S3Location archive) {
    }

    public record Shredded(S3Location good, S3Location bad, S3Location archive) {
    }

    public record Emr(
            String amiVersion,
            String region,
            String jobflowRole,
            String serviceRole,
            Optional<String> placement,
            Optional<String> ec2SubnetId,
            Optional<String> ec2KeyName,
            Optional<String> securityConfiguration,
            List<String> bootstrap,
            Optional<String> hbase,
            Jobflow jobflow,
            int bootstrapFailureTries,
            Map<String, Map<String, String>> configuration,
            Optional<String> additionalInfo) {

        public Emr {
            bootstrap = List.copyOf(bootstrap);
            configuration = Map.copyOf(configuration);
        }

        /** EmrEtlRunner: AMI versions below 4 are AMI versions, later ones release labels {@code emr-<v>}. */
        public String releaseLabel() {
            return "emr-" + amiVersion;
        }
    }

    public record Jobflow(
            String jobName,
            String masterInstanceType,
            int coreInstanceCount,
            String coreInstanceType,
            Optional<BigDecimal> coreInstanceBid,
            Optional<Ebs> coreInstanceEbs,
            int taskInstanceCount,
            String taskInstanceType,
            Optional<BigDecimal> taskInstanceBid) {
    }

    /** {@code volume_iops} only counts for io1 volumes, as in EmrEtlRunner; {@code ebs_optimized} defaults to true. */
    public record Ebs(int volumeSizeGb, String volumeType, Optional<Integer> volumeIops, boolean ebsOptimized) {
    }

    /** {@code enrich}: stream mode only reads output_compression (GZIP is the only value it supports). */
    public record Enrich(String outputCompression) {
    }

    /**
     * {@code storage.versions} name Snowplow's jars; Tributary runs its own shredder and loader, whose version is
     * {@code storage.versions.tributary} when given, else the trigger's own version.
     */
    public record Storage(Optional<String> tributaryVersion) {
    }

    public record Monitoring(Map<String, String> tags, Optional<String> loggingLevel, Optional<SnowplowMonitoring> snowplow) {
        public Monitoring {
            tags = Map.copyOf(tags);
        }
    }

    public record SnowplowMonitoring(String method, String protocol, int port, String appId, String collector) {
    }
}
