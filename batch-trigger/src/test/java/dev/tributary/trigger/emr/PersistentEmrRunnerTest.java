package dev.tributary.trigger.emr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.trigger.RecordingSleeper;
import dev.tributary.trigger.config.Fixtures;
import dev.tributary.trigger.emr.FakeEmrEndpoint.ClusterScript;
import dev.tributary.trigger.run.Backoff;
import dev.tributary.trigger.run.ExitCode;
import dev.tributary.trigger.run.Progress;
import dev.tributary.trigger.run.RunFailure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.emr.EmrClient;

/** Persistent job flow mode (spec E.6) against the local endpoint speaking EMR's JSON 1.1 protocol. */
@Timeout(60)
class PersistentEmrRunnerTest {

    static final String JOB = "Snowplow ETL";
    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    static final Duration POLL = Duration.ofSeconds(60);
    static final List<String> CLEANUP = List.of("[cleanup] Empty Snowplow HDFS", "[cleanup] Empty HDFS trash");
    static final String STAGING = "[staging_stream_enrich] s3-dist-cp: Stream Enriched s3://acme-snowplow/enriched/"
            + "stream/ -> Enriched Staging S3";
    static final String TO_HDFS = "[shred] s3-dist-cp: Enriched S3 -> HDFS";
    static final String SPARK = "[shred] spark: Shred Enriched Events";

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

    PersistentEmrRunner runner(Optional<Duration> maxAge, Backoff backoff) {
        Progress progress = new Progress(new PrintStream(progressOut, true, StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC));
        EmrRetry retry = new EmrRetry(backoff, sleeper);
        return new PersistentEmrRunner(client, retry, new EmrStepWatcher(client, retry, sleeper, POLL, progress),
                sleeper, () -> Duration.ofSeconds(42), progress, new PersistentJobflow(maxAge));
    }

    PersistentEmrRunner runner() {
        return runner(Optional.empty(), Backoff.emrDefault());
    }

    EmrOutcome run(PersistentEmrRunner runner) throws InterruptedException {
        return runner.run(EmrRunnerTest.inputs(Fixtures.streamConfig(), EmrRunnerTest.fullPlan()));
    }

    @Test
    void aRunningClusterIsBusyExit18AndNothingIsSubmitted() {
        String busy = endpoint.seedCluster(JOB, "RUNNING", NOW.minusSeconds(3600));

        assertThatThrownBy(() -> run(runner(Optional.of(Duration.ofMinutes(1)), Backoff.emrDefault())))
                .isInstanceOfSatisfying(RunFailure.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CLUSTER_BUSY);
                    assertThat(e.getMessage()).contains(busy).contains("RUNNING").contains("not WAITING");
                });
        assertThat(endpoint.requests()).extracting(FakeEmrEndpoint.Request::operation).containsOnly("ListClusters");
        // Not even an old busy cluster is terminated: it belongs to someone else's run.
        assertThat(endpoint.terminated(busy)).isFalse();
    }

    @Test
    void aClusterStillStartingIsBusyToo() {
        endpoint.seedCluster(JOB, "BOOTSTRAPPING", NOW);

        assertThatThrownBy(() -> run(runner()))
                .isInstanceOfSatisfying(RunFailure.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.CLUSTER_BUSY));
        assertThat(endpoint.requests("RunJobFlow")).isEmpty();
    }

    @Test
    void twoClustersWithTheNameAreADiscoveryErrorNamingBoth() {
        String a = endpoint.seedCluster(JOB, "WAITING", NOW);
        String b = endpoint.seedCluster(JOB, "RUNNING", NOW);
        endpoint.seedCluster("Another job", "WAITING", NOW);

        assertThatThrownBy(() -> run(runner()))
                .isInstanceOfSatisfying(RunFailure.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE);
                    assertThat(e.getMessage()).contains("EmrDiscoveryError").contains(a).contains(b)
                            .contains("aws.emr.jobflow.job_name");
                });
        assertThat(endpoint.requests("AddJobFlowSteps")).isEmpty();
        assertThat(endpoint.requests("RunJobFlow")).isEmpty();
    }

    @Test
    void aWaitingClusterIsReusedWithTheCleanupStepsFirstAndCancelAndWait() throws Exception {
        String waiting = endpoint.seedCluster(JOB, "WAITING", NOW.minusSeconds(7200));
        // An earlier run's failed step stays on the cluster; it is not this run's.
        endpoint.seedStep(waiting, SPARK, "FAILED");
        endpoint.seedCluster(JOB, "TERMINATED", NOW.minusSeconds(99_999));

        EmrOutcome outcome = run(runner());

        assertThat(endpoint.requests("RunJobFlow")).isEmpty();
        assertThat(endpoint.requests("AddJobFlowSteps")).hasSize(1);
        JsonNode request = endpoint.requests("AddJobFlowSteps").get(0).body();
        assertThat(request.path("JobFlowId").asText()).isEqualTo(waiting);
        JsonNode steps = request.path("Steps");
        List<String> names = texts(steps, "Name");
        assertThat(names).hasSize(11);
        assertThat(names.subList(0, 2)).isEqualTo(CLEANUP);
        assertThat(names.subList(2, 11)).isEqualTo(texts(transientSteps(), "Name"));
        assertThat(texts(steps, "ActionOnFailure")).containsOnly("CANCEL_AND_WAIT");
        assertThat(args(steps.get(0))).containsExactly("hdfs", "dfs", "-rm", "-r", "-f",
                "hdfs:///local/snowplow/enriched-events/", "hdfs:///local/snowplow/shredded-events/");
        assertThat(args(steps.get(1))).containsExactly("hdfs", "dfs", "-expunge");
        // Apart from the action on failure, the plan's steps are the transient ones (spec E.3).
        for (int i = 0; i < 9; i++) {
            assertThat(steps.get(i + 2).path("HadoopJarStep")).isEqualTo(transientSteps().get(i).path("HadoopJarStep"));
        }

        assertThat(outcome.clusterId()).isEqualTo(waiting);
        assertThat(outcome.attempts()).isZero();
        assertThat(outcome.steps()).hasSize(11).allMatch(s -> s.state().equals("COMPLETED"));
        assertThat(endpoint.requests("TerminateJobFlows")).isEmpty();
        assertThat(progressOut.toString(StandardCharsets.UTF_8)).contains("is WAITING: reusing it")
                .contains("step 1/11 running [cleanup] Empty Snowplow HDFS");
    }

    @Test
    void withoutAClusterOneIsLaunchedThatStaysUp() throws Exception {
        endpoint.seedCluster("Another job", "WAITING", NOW);

        EmrOutcome outcome = run(runner(Optional.of(Duration.ofDays(1)), Backoff.emrDefault()));

        assertThat(endpoint.requests("RunJobFlow")).hasSize(1);
        JsonNode request = endpoint.requests("RunJobFlow").get(0).body();
        assertThat(request.path("Name").asText()).isEqualTo(JOB);
        assertThat(request.path("Instances").path("KeepJobFlowAliveWhenNoSteps").asBoolean()).isTrue();
        assertThat(texts(request.path("Steps"), "Name")).isEqualTo(texts(transientSteps(), "Name"))
                .doesNotContainAnyElementsOf(CLEANUP);
        assertThat(texts(request.path("Steps"), "ActionOnFailure")).containsOnly("CANCEL_AND_WAIT");
        assertThat(endpoint.requests("AddJobFlowSteps")).isEmpty();
        assertThat(outcome.attempts()).isEqualTo(1);
        // A day has not passed: the new cluster waits for the next run.
        assertThat(endpoint.terminated(outcome.clusterId())).isFalse();
        assertThat(endpoint.state(outcome.clusterId())).isEqualTo("WAITING");
    }

    @Test
    void aRetryableStepFailingOnceIsResubmittedFromThatStepOnwards() throws Exception {
        String waiting = endpoint.seedCluster(JOB, "WAITING", NOW);
        // Batch: cleanup, cleanup, staging, Enriched S3 -> HDFS (index 3, retry_on_fail) ...
        endpoint.script(ClusterScript.failsAt(3), ClusterScript.completesAfter(1));

        EmrOutcome outcome = run(runner());

        List<FakeEmrEndpoint.Request> adds = endpoint.requests("AddJobFlowSteps");
        assertThat(adds).hasSize(2);
        List<String> first = texts(adds.get(0).body().path("Steps"), "Name");
        List<String> second = texts(adds.get(1).body().path("Steps"), "Name");
        assertThat(first.get(3)).isEqualTo(TO_HDFS);
        assertThat(second).isEqualTo(first.subList(3, first.size()));
        assertThat(texts(adds.get(1).body().path("Steps"), "ActionOnFailure")).containsOnly("CANCEL_AND_WAIT");
        assertThat(adds.get(1).body().path("JobFlowId").asText()).isEqualTo(waiting);
        assertThat(outcome.resubmissions()).isEqualTo(1);
        assertThat(outcome.steps()).hasSize(11).allMatch(s -> s.state().equals("COMPLETED"));
        assertThat(progressOut.toString(StandardCharsets.UTF_8))
                .contains(TO_HDFS + " FAILED; resubmitting it and the 7 steps after it (resubmission 1/3)");
    }

    @Test
    void stepsWhoseAddAnswerIsLostAreNotAddedTwice() throws Exception {
        String waiting = endpoint.seedCluster(JOB, "WAITING", NOW);
        // An earlier run's steps stay on the cluster under the same names: only new ones may count as ours.
        endpoint.seedStep(waiting, SPARK, "COMPLETED");
        endpoint.failNextAfterApplying("AddJobFlowSteps", 1, 500, "InternalServerError");

        EmrOutcome outcome = run(runner(Optional.empty(), Backoff.fixed(4, Duration.ofSeconds(1))));

        assertThat(endpoint.requests("AddJobFlowSteps")).hasSize(1);
        assertThat(outcome.steps()).hasSize(11).allMatch(s -> s.state().equals("COMPLETED"));
    }

    @Test
    void stepsRefusedWithA503AreAddedAgain() throws Exception {
        endpoint.seedCluster(JOB, "WAITING", NOW);
        endpoint.failNext("AddJobFlowSteps", 1, 503, "ServiceUnavailable");

        EmrOutcome outcome = run(runner(Optional.empty(), Backoff.fixed(4, Duration.ofSeconds(1))));

        assertThat(endpoint.requests("AddJobFlowSteps")).hasSize(2);
        assertThat(outcome.steps()).hasSize(11).allMatch(s -> s.state().equals("COMPLETED"));
    }

    @Test
    void aRetryableStepFailingFourTimesFailsTheRunWithEveryStepReported() {
        endpoint.seedCluster(JOB, "WAITING", NOW);
        endpoint.script(ClusterScript.failsAt(3), ClusterScript.failsAt(0), ClusterScript.failsAt(0),
                ClusterScript.failsAt(0), ClusterScript.completesAfter(1));

        assertThatThrownBy(() -> run(runner()))
                .isInstanceOfSatisfying(EmrRunner.EmrJobFailed.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE);
                    assertThat(e.steps()).extracting(s -> s.state()).containsExactly("COMPLETED", "COMPLETED",
                            "COMPLETED", "FAILED", "CANCELLED", "CANCELLED", "CANCELLED", "CANCELLED", "CANCELLED",
                            "CANCELLED", "CANCELLED");
                    assertThat(e.getMessage()).contains(TO_HDFS + " failed 4 times (resubmitted 3 times)")
                            .contains("Data files not archived")
                            .contains(TO_HDFS + ": FAILED after 1m30s");
                });
        assertThat(endpoint.requests("AddJobFlowSteps")).hasSize(4);
        assertThat(endpoint.requests("TerminateJobFlows")).isEmpty();
    }

    @Test
    void aFailedStepThatIsNotRetryableFailsTheRunAtOnce() {
        String waiting = endpoint.seedCluster(JOB, "WAITING", NOW);
        endpoint.script(ClusterScript.failsAt(4), ClusterScript.completesAfter(1));

        assertThatThrownBy(() -> run(runner()))
                .isInstanceOfSatisfying(EmrRunner.EmrJobFailed.class, e -> {
                    assertThat(e.steps().get(4).name()).isEqualTo(SPARK);
                    assertThat(e.steps().get(4).state()).isEqualTo("FAILED");
                    assertThat(e.getMessage()).contains(waiting + " failed. Data files not archived");
                });
        assertThat(endpoint.requests("AddJobFlowSteps")).hasSize(1);
    }

    @Test
    void aYoungClusterIsLeftWaitingAndAnOldOneIsTerminated() throws Exception {
        String young = endpoint.seedCluster(JOB, "WAITING", NOW.minus(Duration.ofHours(5)));

        run(runner(Optional.of(Duration.ofHours(6)), Backoff.emrDefault()));

        assertThat(endpoint.terminated(young)).isFalse();
        assertThat(endpoint.state(young)).isEqualTo("WAITING");
        assertThat(progressOut.toString(StandardCharsets.UTF_8)).contains("left WAITING for the next run");

        endpoint.setState(young, "TERMINATED");
        String old = endpoint.seedCluster(JOB, "WAITING", NOW.minus(Duration.ofHours(7)));

        run(runner(Optional.of(Duration.ofHours(6)), Backoff.emrDefault()));

        assertThat(endpoint.terminated(old)).isTrue();
        assertThat(endpoint.requests("TerminateJobFlows")).hasSize(1);
        assertThat(progressOut.toString(StandardCharsets.UTF_8)).contains(old + " is 7h00m00s old, older than "
                + "6h00m00s: terminating it");
    }

    @Test
    void anOldClusterIsTerminatedAfterAFailedRunToo() {
        String old = endpoint.seedCluster(JOB, "WAITING", NOW.minus(Duration.ofDays(2)));
        endpoint.script(ClusterScript.failsAt(4));

        assertThatThrownBy(() -> run(runner(Optional.of(Duration.parse("PT36H")), Backoff.emrDefault())))
                .isInstanceOf(EmrRunner.EmrJobFailed.class);
        assertThat(endpoint.terminated(old)).isTrue();
    }

    @Test
    void withoutADurationTheClusterIsNeverTerminated() throws Exception {
        String ancient = endpoint.seedCluster(JOB, "WAITING", NOW.minus(Duration.ofDays(400)));

        run(runner());

        assertThat(endpoint.terminated(ancient)).isFalse();
        assertThat(endpoint.requests("DescribeCluster")).isEmpty();
    }

    @Test
    void discoveryReadsEveryPageAndAThrottledListIsRetried() throws Exception {
        endpoint.listClustersPageSize(1);
        endpoint.seedCluster("Another job 1", "WAITING", NOW);
        endpoint.seedCluster("Another job 2", "RUNNING", NOW);
        String waiting = endpoint.seedCluster(JOB, "WAITING", NOW);
        endpoint.failNext("ListClusters", 1, 400, "ThrottlingException");
        Backoff backoff = new Backoff(List.of(Duration.ofSeconds(7), Duration.ofSeconds(11)));

        EmrOutcome outcome = run(runner(Optional.empty(), backoff));

        assertThat(outcome.clusterId()).isEqualTo(waiting);
        // throttled, then three pages of one cluster each
        assertThat(endpoint.requests("ListClusters")).hasSize(4);
        assertThat(sleeper.waits()).startsWith(Duration.ofSeconds(7));
        assertThat(texts(endpoint.requests("ListClusters").get(0).body().path("ClusterStates"), null))
                .containsExactlyInAnyOrder("STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING");
    }

    @Test
    void aNewPersistentClusterThatFailsToBootstrapIsRelaunched() throws Exception {
        endpoint.script(ClusterScript.bootstrapFailure(), ClusterScript.completesAfter(1));

        EmrOutcome outcome = run(runner(Optional.of(Duration.ofDays(1)), Backoff.emrDefault()));

        assertThat(endpoint.requests("RunJobFlow")).hasSize(2);
        assertThat(endpoint.terminated("j-TEST1")).isTrue();
        assertThat(outcome.clusterId()).isEqualTo("j-TEST2");
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(endpoint.terminated("j-TEST2")).isFalse();
        assertThat(sleeper.waits()).contains(Duration.ofSeconds(42));
    }

    @Test
    void retryOnFailFollowsSpecE3() {
        List<EmrStep> planned = new ArrayList<>(EmrSteps.cleanup());
        planned.addAll(EmrSteps.planned(EmrRunnerTest.inputs(Fixtures.streamConfig(), EmrRunnerTest.fullPlan())));

        assertThat(planned).extracting(s -> s.name() + " " + s.retryOnFail()).containsExactly(
                "[cleanup] Empty Snowplow HDFS true",
                "[cleanup] Empty HDFS trash true",
                STAGING + " true",
                TO_HDFS + " true",
                SPARK + " false",
                "[shred] s3-dist-cp: Shredded HDFS -> S3 true",
                "[shred] s3-dist-cp: Shredded HDFS _SUCCESS -> S3 true",
                "[rdb_load] Load PostgreSQL warehouse Storage Target false",
                "[rdb_load] Load AWS Redshift enriched events storage Storage Target false",
                "[archive_enriched] s3-dist-cp: Enriched S3 -> Enriched Archive S3 true",
                "[archive_shredded] s3-dist-cp: Shredded S3 -> Shredded Archive S3 true");
    }

    @Test
    void aFailedLoaderIsNeverResubmitted() {
        endpoint.seedCluster(JOB, "WAITING", NOW);
        // cleanup x2, staging, to HDFS, spark, shredded -> S3, _SUCCESS, then the first load (index 7)
        endpoint.script(ClusterScript.failsAt(7), ClusterScript.completesAfter(1));

        assertThatThrownBy(() -> run(runner())).isInstanceOf(EmrRunner.EmrJobFailed.class)
                .hasMessageContaining("[rdb_load] Load PostgreSQL warehouse Storage Target: FAILED");
        assertThat(endpoint.requests("AddJobFlowSteps")).hasSize(1);
    }

    /** The steps a transient run submits for the same inputs. */
    private static JsonNode transientSteps() {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var array = mapper.createArrayNode();
        for (var step : EmrSteps.build(EmrRunnerTest.inputs(Fixtures.streamConfig(), EmrRunnerTest.fullPlan()))) {
            var node = array.addObject().put("Name", step.name());
            var jar = node.putObject("HadoopJarStep").put("Jar", step.hadoopJarStep().jar());
            if (step.hadoopJarStep().mainClass() != null) {
                jar.put("MainClass", step.hadoopJarStep().mainClass());
            }
            var a = jar.putArray("Args");
            step.hadoopJarStep().args().forEach(a::add);
        }
        return array;
    }

    private static List<String> args(JsonNode step) {
        return texts(step.path("HadoopJarStep").path("Args"), null);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asText() : n.path(field).asText()));
        return out;
    }
}
