package dev.tributary.trigger.emr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.trigger.RecordingSleeper;
import dev.tributary.trigger.config.ConfigReader;
import dev.tributary.trigger.config.Fixtures;
import dev.tributary.trigger.config.StorageTarget;
import dev.tributary.trigger.config.TargetsReader;
import dev.tributary.trigger.config.TriggerConfig;
import dev.tributary.trigger.emr.FakeEmrEndpoint.ClusterScript;
import dev.tributary.trigger.plan.StepPlan;
import dev.tributary.trigger.run.Backoff;
import dev.tributary.trigger.run.Progress;
import dev.tributary.trigger.run.RunId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.emr.EmrClient;

/** The EMR runner against a local endpoint speaking EMR's JSON 1.1 protocol (EMR itself cannot run here). */
@Timeout(60)
class EmrRunnerTest {

    static final String RESOLVER = "{\"schema\":\"iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-1\","
            + "\"data\":{\"cacheSize\":500,\"repositories\":[]}}";
    static final RunId RUN = new RunId("2026-12-01-09-00-00", Instant.parse("2026-12-01T09:00:00Z"));
    static final Duration POLL = Duration.ofSeconds(60);

    FakeEmrEndpoint endpoint;
    FakeEmrEndpoint.SdkClient sdk;
    EmrClient client;
    RecordingSleeper sleeper = new RecordingSleeper();
    ByteArrayOutputStream progressOut = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        endpoint = new FakeEmrEndpoint();
        sdk = endpoint.sdkClient("eu-west-1");
        client = sdk.emr();
    }

    @AfterEach
    void stop() {
        sdk.close();
        endpoint.close();
    }

    EmrRunner runner(Backoff backoff) {
        Progress progress = new Progress(new PrintStream(progressOut, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));
        EmrRetry retry = new EmrRetry(backoff, sleeper);
        return new EmrRunner(client, retry, new EmrStepWatcher(client, retry, sleeper, POLL, progress), sleeper,
                () -> Duration.ofSeconds(42), progress);
    }

    static EmrRunInputs inputs(TriggerConfig config, StepPlan plan) {
        List<StorageTarget> targets = new TargetsReader().read(Fixtures.resource("targets"));
        return new EmrRunInputs(config, plan, RUN, targets, RESOLVER, Optional.empty(), Optional.empty(),
                new AssetJars(config.aws().s3().buckets().assets(), "0.1.0"), false);
    }

    static StepPlan fullPlan() {
        return StepPlan.of(Optional.empty(), List.of(), List.of(), true, false);
    }

    @Test
    void runJobFlowCarriesEveryConfiguredField() throws Exception {
        runner(Backoff.emrDefault()).run(inputs(Fixtures.streamConfig(), fullPlan()));

        JsonNode r = endpoint.requests("RunJobFlow").get(0).body();
        assertThat(r.path("Name").asText()).isEqualTo("Snowplow ETL");
        assertThat(r.path("ReleaseLabel").asText()).isEqualTo("emr-5.29.0");
        assertThat(texts(r.path("Applications"), "Name")).containsExactly("Hadoop", "Spark");
        assertThat(r.path("LogUri").asText()).isEqualTo("s3://acme-snowplow-logs/emr/");
        assertThat(r.path("ServiceRole").asText()).isEqualTo("EMR_DefaultRole");
        assertThat(r.path("JobFlowRole").asText()).isEqualTo("EMR_EC2_DefaultRole");
        assertThat(r.path("SecurityConfiguration").asText()).isEqualTo("snowplow-e2e-encryption");
        assertThat(r.path("VisibleToAllUsers").asBoolean()).isTrue();
        // monitoring.tags, plus the tag that finds this launch again if RunJobFlow's answer is lost
        assertThat(texts(r.path("Tags"), "Key")).containsExactlyInAnyOrder("owner", "env", "tributary:launch");
        assertThat(texts(r.path("Tags"), "Value")).containsExactlyInAnyOrder("data-team", "prod",
                "2026-12-01-09-00-00/1");
        assertThat(r.path("BootstrapActions").get(0).path("ScriptBootstrapAction").path("Path").asText())
                .isEqualTo("s3://acme-snowplow-assets/bootstrap/extra-packages.sh");
        assertThat(r.path("BootstrapActions")).hasSize(1);
        assertThat(texts(r.path("Configurations"), "Classification")).containsExactlyInAnyOrder("yarn-site", "spark");
        JsonNode yarn = StreamSupport.stream(r.path("Configurations").spliterator(), false)
                .filter(c -> c.path("Classification").asText().equals("yarn-site")).findFirst().orElseThrow();
        assertThat(yarn.path("Properties").path("yarn.resourcemanager.am.max-attempts").asText()).isEqualTo("1");

        JsonNode instances = r.path("Instances");
        assertThat(instances.path("Ec2SubnetId").asText()).isEqualTo("subnet-0a1b2c3d");
        assertThat(instances.has("Placement")).isFalse();
        assertThat(instances.path("Ec2KeyName").asText()).isEqualTo("snowplow-ec2");
        assertThat(instances.path("KeepJobFlowAliveWhenNoSteps").asBoolean()).isFalse();
        JsonNode groups = instances.path("InstanceGroups");
        assertThat(groups).hasSize(3);
        assertThat(groups.get(0).path("InstanceRole").asText()).isEqualTo("MASTER");
        assertThat(groups.get(0).path("InstanceType").asText()).isEqualTo("m4.large");
        assertThat(groups.get(0).path("InstanceCount").asInt()).isEqualTo(1);
        assertThat(groups.get(0).path("Market").asText()).isEqualTo("ON_DEMAND");
        JsonNode core = groups.get(1);
        assertThat(core.path("InstanceRole").asText()).isEqualTo("CORE");
        assertThat(core.path("InstanceType").asText()).isEqualTo("r4.xlarge");
        assertThat(core.path("InstanceCount").asInt()).isEqualTo(2);
        assertThat(core.path("Market").asText()).isEqualTo("SPOT");
        assertThat(core.path("BidPrice").asText()).isEqualTo("0.25");
        JsonNode ebs = core.path("EbsConfiguration");
        assertThat(ebs.path("EbsOptimized").asBoolean(true)).isFalse();
        JsonNode volume = ebs.path("EbsBlockDeviceConfigs").get(0);
        assertThat(volume.path("VolumesPerInstance").asInt()).isEqualTo(1);
        assertThat(volume.path("VolumeSpecification").path("VolumeType").asText()).isEqualTo("io1");
        assertThat(volume.path("VolumeSpecification").path("SizeInGB").asInt()).isEqualTo(100);
        assertThat(volume.path("VolumeSpecification").path("Iops").asInt()).isEqualTo(400);
        JsonNode task = groups.get(2);
        assertThat(task.path("InstanceRole").asText()).isEqualTo("TASK");
        assertThat(task.path("InstanceType").asText()).isEqualTo("m4.large");
        assertThat(task.path("InstanceCount").asInt()).isEqualTo(3);
        assertThat(task.path("Market").asText()).isEqualTo("SPOT");
        assertThat(task.path("BidPrice").asText()).isEqualTo("0.015");
    }

    @Test
    void placementAndOnDemandWhenNoSubnetAndNoBid() throws Exception {
        String text = Fixtures.withValue(Fixtures.streamConfigText(), "ec2_subnet_id", "");
        text = Fixtures.withValue(text, "placement", "eu-west-1b");
        text = Fixtures.withValue(text, "core_instance_bid", "");
        text = Fixtures.withValue(text, "task_instance_count", "0");
        text = Fixtures.withValue(text, "security_configuration", "");
        TriggerConfig config = new ConfigReader(Fixtures.ENV::get, l -> { }).parse(text, "c.yml");

        runner(Backoff.emrDefault()).run(inputs(config, fullPlan()));

        JsonNode r = endpoint.requests("RunJobFlow").get(0).body();
        assertThat(r.has("SecurityConfiguration")).isFalse();
        assertThat(r.path("Instances").path("Placement").path("AvailabilityZone").asText()).isEqualTo("eu-west-1b");
        assertThat(r.path("Instances").has("Ec2SubnetId")).isFalse();
        JsonNode groups = r.path("Instances").path("InstanceGroups");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(1).path("Market").asText()).isEqualTo("ON_DEMAND");
        assertThat(groups.get(1).has("BidPrice")).isFalse();
    }

    @Test
    void stepsAndArgumentsMatchSpecE3WithEncryption() throws Exception {
        runner(Backoff.emrDefault()).run(inputs(Fixtures.streamConfig(), fullPlan()));

        JsonNode steps = endpoint.requests("RunJobFlow").get(0).body().path("Steps");
        String run = "run=2026-12-01-09-00-00/";
        String b64 = Base64.getEncoder().encodeToString(RESOLVER.getBytes(StandardCharsets.UTF_8));
        List<String> endpointSse = List.of("--s3Endpoint", "s3-eu-west-1.amazonaws.com", "--s3ServerSideEncryption");
        List<List<Object>> expected = List.of(
                List.of("[staging_stream_enrich] s3-dist-cp: Stream Enriched s3://acme-snowplow/enriched/stream/ -> "
                        + "Enriched Staging S3", "command-runner.jar", concat(List.of("s3-dist-cp",
                        "--src", "s3://acme-snowplow/enriched/stream/",
                        "--dest", "s3://acme-snowplow/enriched/good/" + run,
                        "--srcPattern", ".*\\.gz", "--deleteOnSuccess"), endpointSse)),
                List.of("[shred] s3-dist-cp: Enriched S3 -> HDFS", "command-runner.jar", concat(List.of("s3-dist-cp",
                        "--src", "s3://acme-snowplow/enriched/good/" + run,
                        "--dest", "hdfs:///local/snowplow/enriched-events/",
                        "--srcPattern", ".*\\.gz", "--outputCodec", "none"), endpointSse)),
                List.of("[shred] spark: Shred Enriched Events", "command-runner.jar", List.of("spark-submit",
                        "--class", "dev.tributary.shredder.ShredderMain", "--master", "yarn", "--deploy-mode",
                        "cluster", "s3://acme-snowplow-assets/4-storage/tributary-shredder/shredder-0.1.0.jar",
                        "--input", "hdfs:///local/snowplow/enriched-events/",
                        "--output", "hdfs:///local/snowplow/shredded-events/",
                        "--bad-output", "s3://acme-snowplow/shredded/bad/",
                        "--iglu-config", b64, "--sse", "AES256", "--run-id", "2026-12-01-09-00-00")),
                List.of("[shred] s3-dist-cp: Shredded HDFS -> S3", "command-runner.jar", concat(List.of("s3-dist-cp",
                        "--src", "hdfs:///local/snowplow/shredded-events/" + run,
                        "--dest", "s3://acme-snowplow/shredded/good/" + run,
                        "--srcPattern", ".*part-.*", "--outputCodec", "gz"), endpointSse)),
                List.of("[shred] s3-dist-cp: Shredded HDFS _SUCCESS -> S3", "command-runner.jar",
                        concat(List.of("s3-dist-cp", "--src", "hdfs:///local/snowplow/shredded-events/" + run,
                                "--dest", "s3://acme-snowplow/shredded/good/" + run,
                                "--srcPattern", ".*(_SUCCESS|shredding_complete\\.json)"), endpointSse)),
                List.of("[rdb_load] Load PostgreSQL warehouse Storage Target",
                        "s3://acme-snowplow-assets/4-storage/tributary-warehouse-loader/warehouse-loader-0.1.0.jar",
                        List.of("--run", "s3://acme-snowplow/shredded/good/" + run, "--target",
                                targetJson("postgres.json"), "--resolver", RESOLVER)),
                List.of("[rdb_load] Load AWS Redshift enriched events storage Storage Target",
                        "s3://acme-snowplow-assets/4-storage/tributary-warehouse-loader/warehouse-loader-0.1.0.jar",
                        List.of("--run", "s3://acme-snowplow/shredded/good/" + run, "--target",
                                targetJson("redshift.json"), "--resolver", RESOLVER)),
                List.of("[archive_enriched] s3-dist-cp: Enriched S3 -> Enriched Archive S3", "command-runner.jar",
                        concat(List.of("s3-dist-cp", "--src", "s3://acme-snowplow/enriched/good/" + run,
                                "--dest", "s3://acme-snowplow/enriched/archive/" + run, "--deleteOnSuccess"),
                                endpointSse)),
                List.of("[archive_shredded] s3-dist-cp: Shredded S3 -> Shredded Archive S3", "command-runner.jar",
                        concat(List.of("s3-dist-cp", "--src", "s3://acme-snowplow/shredded/good/" + run,
                                "--dest", "s3://acme-snowplow/shredded/archive/" + run, "--deleteOnSuccess"),
                                endpointSse)));

        List<List<Object>> actual = new ArrayList<>();
        for (JsonNode s : steps) {
            List<String> args = new ArrayList<>();
            s.path("HadoopJarStep").path("Args").forEach(a -> args.add(a.asText()));
            actual.add(List.of(s.path("Name").asText(), s.path("HadoopJarStep").path("Jar").asText(), args));
            assertThat(s.path("ActionOnFailure").asText()).isEqualTo("TERMINATE_CLUSTER");
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(steps.get(5).path("HadoopJarStep").path("MainClass").asText())
                .isEqualTo("dev.tributary.warehouse.WarehouseLoaderMain");
    }

    @Test
    void unencryptedBucketsGetNoServerSideEncryptionFlag() throws Exception {
        String text = Fixtures.withValue(Fixtures.streamConfigText(), "encrypted", "false");
        TriggerConfig config = new ConfigReader(Fixtures.ENV::get, l -> { }).parse(text, "c.yml");

        runner(Backoff.emrDefault()).run(inputs(config, fullPlan()));

        JsonNode steps = endpoint.requests("RunJobFlow").get(0).body().path("Steps");
        assertThat(steps).hasSize(9);
        for (JsonNode s : steps) {
            assertThat(s.path("HadoopJarStep").path("Args").toString()).doesNotContain("--s3ServerSideEncryption");
        }
        assertThat(steps.get(2).path("HadoopJarStep").path("Args").toString()).contains("\"--sse\",\"none\"");
    }

    @Test
    void pollsEveryIntervalUntilDoneThenTerminatesTheCluster() throws Exception {
        endpoint.script(ClusterScript.completesAfter(3));

        EmrOutcome outcome = runner(Backoff.emrDefault()).run(inputs(Fixtures.streamConfig(), fullPlan()));

        assertThat(endpoint.requests("ListSteps")).hasSize(4);
        assertThat(sleeper.waits()).containsExactly(POLL, POLL, POLL);
        assertThat(endpoint.requests("TerminateJobFlows")).hasSize(1);
        assertThat(endpoint.terminated(outcome.clusterId())).isTrue();
        assertThat(outcome.steps()).hasSize(9).allMatch(s -> s.state().equals("COMPLETED"));
        assertThat(outcome.steps().get(0).duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(progressOut.toString(StandardCharsets.UTF_8))
                .contains("EMR j-TEST1: step 1/9 running [staging_stream_enrich]")
                .contains("COMPLETED COMPLETED COMPLETED");
    }

    @Test
    void aThrottledPollIsRetriedWithBackoff() throws Exception {
        endpoint.script(ClusterScript.completesAfter(1));
        endpoint.failNext("ListSteps", 1, 400, "ThrottlingException");
        Backoff backoff = new Backoff(List.of(Duration.ofSeconds(7), Duration.ofSeconds(11)));

        EmrOutcome outcome = runner(backoff).run(inputs(Fixtures.streamConfig(), fullPlan()));

        assertThat(outcome.steps()).allMatch(s -> s.state().equals("COMPLETED"));
        // throttled, then the retried poll (RUNNING), then the final poll
        assertThat(endpoint.requests("ListSteps")).hasSize(3);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7), POLL);
    }

    @Test
    void requestTimeoutServiceUnavailableAnd5xxAreRetriedToo() throws Exception {
        endpoint.failNext("RunJobFlow", 1, 400, "RequestTimeout");
        endpoint.failNext("ListSteps", 1, 503, "ServiceUnavailable");
        endpoint.failNext("ListSteps", 1, 500, "InternalServerError");
        Backoff backoff = Backoff.fixed(4, Duration.ofSeconds(1));

        runner(backoff).run(inputs(Fixtures.streamConfig(), fullPlan()));

        assertThat(endpoint.requests("RunJobFlow")).hasSize(2);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), POLL);
    }

    @Test
    void aRunJobFlowWhoseAnswerIsLostIsNotRepeatedAndItsClusterIsUsed() throws Exception {
        // EMR launched the cluster, then the answer was a 500: a blind retry would start a second cluster
        // staging and shredding the same files.
        endpoint.failNextAfterApplying("RunJobFlow", 1, 500, "InternalServerError");

        EmrOutcome outcome = runner(Backoff.fixed(4, Duration.ofSeconds(1)))
                .run(inputs(Fixtures.streamConfig(), fullPlan()));

        assertThat(endpoint.requests("RunJobFlow")).hasSize(1);
        assertThat(outcome.clusterId()).isEqualTo("j-TEST1");
        assertThat(outcome.steps()).hasSize(9).allMatch(s -> s.state().equals("COMPLETED"));
        assertThat(endpoint.requests("DescribeCluster").get(0).body().path("ClusterId").asText()).isEqualTo("j-TEST1");
        assertThat(endpoint.terminated("j-TEST1")).isTrue();
    }

    @Test
    void aClusterWithTheSameNameButAnotherLaunchTagIsNotMistakenForTheLostOne() throws Exception {
        endpoint.seedCluster("Snowplow ETL", "RUNNING", Instant.parse("2026-12-01T08:59:00Z"));
        endpoint.failNext("RunJobFlow", 1, 503, "ServiceUnavailable");

        EmrOutcome outcome = runner(Backoff.fixed(4, Duration.ofSeconds(1)))
                .run(inputs(Fixtures.streamConfig(), fullPlan()));

        // The 503 came before EMR acted: the search finds only the other cluster, so the call is made again.
        assertThat(endpoint.requests("ListClusters")).hasSize(1);
        assertThat(endpoint.requests("RunJobFlow")).hasSize(2);
        assertThat(outcome.clusterId()).isEqualTo("j-TEST1");
    }

    @Test
    void aThrottledRunJobFlowWasRefusedSoItIsRetriedWithoutLooking() throws Exception {
        endpoint.failNext("RunJobFlow", 1, 400, "ThrottlingException");

        runner(Backoff.fixed(4, Duration.ofSeconds(1))).run(inputs(Fixtures.streamConfig(), fullPlan()));

        assertThat(endpoint.requests("RunJobFlow")).hasSize(2);
        assertThat(endpoint.requests("ListClusters")).isEmpty();
    }

    @Test
    void retriesStopAfterTheBackoffIsSpent() {
        endpoint.failNext("RunJobFlow", 3, 400, "ThrottlingException");

        assertThatThrownBy(() -> runner(Backoff.fixed(2, Duration.ofSeconds(1)))
                .run(inputs(Fixtures.streamConfig(), fullPlan())))
                .hasMessageContaining("ThrottlingException");
        assertThat(endpoint.requests("RunJobFlow")).hasSize(3);
    }

    @Test
    void aValidationErrorIsNotRetried() {
        endpoint.failNext("RunJobFlow", 1, 400, "ValidationException");

        assertThatThrownBy(() -> runner(Backoff.emrDefault()).run(inputs(Fixtures.streamConfig(), fullPlan())))
                .hasMessageContaining("ValidationException");
        assertThat(endpoint.requests("RunJobFlow")).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aFailedStepFailsTheRunWithAReportOfEveryStep() {
        endpoint.script(ClusterScript.failsAt(2));

        assertThatThrownBy(() -> runner(Backoff.emrDefault()).run(inputs(Fixtures.streamConfig(), fullPlan())))
                .isInstanceOfSatisfying(EmrRunner.EmrJobFailed.class, e -> {
                    assertThat(e.steps()).extracting(s -> s.state()).containsExactly("COMPLETED", "COMPLETED",
                            "FAILED", "CANCELLED", "CANCELLED", "CANCELLED", "CANCELLED", "CANCELLED", "CANCELLED");
                    assertThat(e.getMessage()).contains("Data files not archived")
                            .contains("[shred] spark: Shred Enriched Events: FAILED after 1m30s (Unknown error;")
                            .contains("[archive_shredded] s3-dist-cp: Shredded S3 -> Shredded Archive S3: CANCELLED");
                });
        assertThat(endpoint.requests("RunJobFlow")).hasSize(1);
        assertThat(endpoint.requests("TerminateJobFlows")).hasSize(1);
    }

    @Test
    void aBootstrapFailureRelaunchesTheCluster() throws Exception {
        endpoint.script(ClusterScript.bootstrapFailure(), ClusterScript.completesAfter(1));

        EmrOutcome outcome = runner(Backoff.emrDefault()).run(inputs(Fixtures.streamConfig(), fullPlan()));

        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(outcome.clusterId()).isEqualTo("j-TEST2");
        assertThat(endpoint.requests("RunJobFlow")).hasSize(2);
        // The same cluster again; only the launch tag tells the attempts apart.
        ObjectNode first = (ObjectNode) endpoint.requests("RunJobFlow").get(0).body().deepCopy();
        ObjectNode second = (ObjectNode) endpoint.requests("RunJobFlow").get(1).body().deepCopy();
        assertThat(texts(first.remove("Tags"), "Value")).contains("2026-12-01-09-00-00/1");
        assertThat(texts(second.remove("Tags"), "Value")).contains("2026-12-01-09-00-00/2");
        assertThat(second).isEqualTo(first);
        assertThat(endpoint.terminated("j-TEST1")).isTrue();
        assertThat(sleeper.waits()).contains(Duration.ofSeconds(42));
    }

    @Test
    void bootstrapFailuresStopAfterTheConfiguredTries() {
        endpoint.script(ClusterScript.bootstrapFailure(), ClusterScript.bootstrapFailure(),
                ClusterScript.bootstrapFailure());

        assertThatThrownBy(() -> runner(Backoff.emrDefault()).run(inputs(Fixtures.streamConfig(), fullPlan())))
                .isInstanceOf(EmrRunner.EmrJobFailed.class)
                .hasMessageContaining("failed to bootstrap (no relaunch left)");
        assertThat(endpoint.requests("RunJobFlow")).hasSize(3);
    }

    @Test
    void cancelledStepsWithoutABootstrapReasonAreNotRelaunched() {
        endpoint.script(ClusterScript.cancelledByUser(), ClusterScript.completesAfter(1));

        assertThatThrownBy(() -> runner(Backoff.emrDefault()).run(inputs(Fixtures.streamConfig(), fullPlan())))
                .isInstanceOf(EmrRunner.EmrJobFailed.class);
        assertThat(endpoint.requests("RunJobFlow")).hasSize(1);
    }

    @Test
    void consolidatedOutputUsesGroupByCopies() throws Exception {
        String text = Fixtures.withValue(Fixtures.streamConfigText(), "consolidate_shredded_output", "true");
        TriggerConfig config = new ConfigReader(Fixtures.ENV::get, l -> { }).parse(text, "c.yml");

        runner(Backoff.emrDefault()).run(inputs(config, fullPlan()));

        List<String> names = texts(endpoint.requests("RunJobFlow").get(0).body().path("Steps"), "Name");
        assertThat(names).contains("[shred] s3-dist-cp: Shredded atomic events HDFS -> S3",
                "[shred] s3-dist-cp: Shredded JSON types HDFS -> S3")
                .doesNotContain("[shred] s3-dist-cp: Shredded HDFS -> S3");
    }

    @Test
    void resumingFromRdbLoadLoadsAndArchivesTheRecoveredRuns() throws Exception {
        StepPlan plan = StepPlan.of(Optional.of("rdb_load"), List.of(), List.of("vacuum"), true, false);
        RunId enriched = new RunId("2026-11-30-09-00-00", Instant.parse("2026-11-30T09:00:00Z"));
        RunId shredded = new RunId("2026-11-30-09-00-01", Instant.parse("2026-11-30T09:00:01Z"));
        TriggerConfig config = Fixtures.streamConfig();
        EmrRunInputs in = new EmrRunInputs(config, plan, RUN, List.of(), RESOLVER, Optional.of(enriched),
                Optional.of(shredded), new AssetJars(config.aws().s3().buckets().assets(), "0.1.0"), false);

        runner(Backoff.emrDefault()).run(in);

        JsonNode steps = endpoint.requests("RunJobFlow").get(0).body().path("Steps");
        assertThat(texts(steps, "Name")).containsExactly(
                "[archive_enriched] s3-dist-cp: Enriched S3 -> Enriched Archive S3",
                "[archive_shredded] s3-dist-cp: Shredded S3 -> Shredded Archive S3");
        assertThat(steps.get(0).path("HadoopJarStep").path("Args").toString())
                .contains("s3://acme-snowplow/enriched/good/run=2026-11-30-09-00-00/");
        assertThat(steps.get(1).path("HadoopJarStep").path("Args").toString())
                .contains("s3://acme-snowplow/shredded/good/run=2026-11-30-09-00-01/");
    }

    private static String targetJson(String file) {
        try {
            return java.nio.file.Files.readString(Fixtures.resource("targets/" + file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }
}
