package dev.tributary.trigger.cli;

import static dev.tributary.trigger.s3.S3TestSupport.keys;
import static dev.tributary.trigger.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.trigger.config.Fixtures;
import dev.tributary.trigger.emr.FakeEmrEndpoint;
import dev.tributary.trigger.emr.FakeEmrEndpoint.ClusterScript;
import dev.tributary.trigger.s3.S3TestSupport;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code run --runner emr} end to end: preconditions on the embedded S3, the job on a local endpoint speaking EMR's
 * JSON 1.1 protocol, the lock on disk, the exit code and the JSON summary.
 */
@Timeout(120)
class RunCommandEmrTest {

    static S3Client s3;
    FakeEmrEndpoint emr;
    final CliTestSupport cli = new CliTestSupport();

    @TempDir
    Path dir;
    Path lock;
    Path resolver;

    @BeforeAll
    static void startS3() {
        s3 = S3TestSupport.client();
    }

    @AfterAll
    static void closeS3() {
        s3.close();
    }

    @BeforeEach
    void start() throws Exception {
        S3TestSupport.start();
        S3TestSupport.clear(s3);
        emr = new FakeEmrEndpoint();
        System.setProperty("aws.endpointUrlEmr", emr.endpoint().toString());
        lock = dir.resolve("etl.lock");
        resolver = Files.writeString(dir.resolve("resolver.json"),
                "{\"schema\":\"iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-1\","
                        + "\"data\":{\"cacheSize\":500,\"repositories\":[]}}");
    }

    @AfterEach
    void stop() {
        emr.close();
        System.clearProperty("aws.endpointUrlEmr");
    }

    int run(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "-c", Fixtures.resource("config/stream_config.yml")
                .toString(), "-r", resolver.toString(), "-t", Fixtures.resource("targets").toString(),
                "-l", lock.toString(), "--poll-interval", "5m"));
        args.addAll(List.of(extra));
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void aSuccessfulJobExitsZeroReleasesTheLockAndSummarises() throws Exception {
        put(s3, "enriched/stream/2026/12/01/08/a.gz", "a");
        emr.script(ClusterScript.completesAfter(2));

        int code = run();

        assertThat(code).as(cli.err()).isZero();
        assertThat(lock).doesNotExist();
        assertThat(emr.requests("RunJobFlow")).hasSize(1);
        assertThat(emr.terminated("j-TEST1")).isTrue();
        assertThat(cli.sleeper.waits()).containsOnly(java.time.Duration.ofMinutes(5)).hasSize(2);
        JsonNode summary = cli.summary();
        assertThat(summary.path("exitCode").asInt()).isZero();
        assertThat(summary.path("runner").asText()).isEqualTo("emr");
        assertThat(summary.path("runId").asText()).matches("2026-12-01-09-00-0\\d");
        assertThat(summary.path("clusterId").asText()).isEqualTo("j-TEST1");
        assertThat(summary.path("steps")).hasSize(9);
        assertThat(summary.path("lockReleased").asBoolean()).isTrue();
        assertThat(cli.out()).contains("EMR j-TEST1: step 1/9 running [staging_stream_enrich]");
        // On EMR the S3DistCp step stages the data; the trigger itself moved nothing.
        assertThat(keys(s3, "enriched/stream/")).containsExactly("enriched/stream/2026/12/01/08/a.gz");
        assertThat(cli.out() + cli.err()).doesNotContain("wJalrXUtnFEMI").doesNotContain("s3cr3t");
    }

    @Test
    void aFailedStepExitsOneKeepsTheLockAndTheNextRunExits17WithoutTouchingS3OrEmr() throws Exception {
        put(s3, "enriched/stream/2026/12/01/08/a.gz", "a");
        emr.script(ClusterScript.failsAt(2));

        assertThat(run()).isEqualTo(1);
        assertThat(lock).exists();
        assertThat(Files.readString(lock)).isEqualTo("4242");
        JsonNode summary = cli.summary();
        assertThat(summary.path("status").asText()).isEqualTo("FAILURE");
        assertThat(summary.path("steps").get(2).path("state").asText()).isEqualTo("FAILED");
        assertThat(summary.path("steps").get(3).path("state").asText()).isEqualTo("CANCELLED");
        assertThat(summary.path("lockReleased").asBoolean()).isFalse();
        assertThat(cli.out()).contains("Data files not archived").contains("the lock is kept");

        // S3 now points at a closed port: any S3 call would fail the run with exit 1, not 17.
        try (ServerSocket socket = new ServerSocket(0)) {
            System.setProperty("aws.endpointUrlS3", "http://127.0.0.1:" + socket.getLocalPort());
        }
        assertThat(run()).isEqualTo(17);
        assertThat(cli.summary().path("message").asText()).contains("is held (pid 4242)");
        assertThat(emr.requests("RunJobFlow")).hasSize(1);
        assertThat(lock).exists();
    }

    @Test
    void ignoreLockOnStartProceedsAndStillRemovesTheLock() throws Exception {
        Files.writeString(lock, "999");
        put(s3, "enriched/stream/a.gz", "a");

        assertThat(run("--ignore-lock-on-start")).as(cli.err()).isZero();
        assertThat(emr.requests("RunJobFlow")).hasSize(1);
        assertThat(lock).doesNotExist();
    }

    @Test
    void anOngoingRunExitsFourBeforeAnyClusterAndReleasesTheLock() throws Exception {
        put(s3, "enriched/stream/a.gz", "a");
        put(s3, "enriched/good/run=2026-11-30-09-00-00/a.gz", "a");

        assertThat(run()).isEqualTo(4);
        assertThat(emr.requests()).isEmpty();
        assertThat(lock).doesNotExist();
    }

    @Test
    void noDataExitsThreeBeforeAnyClusterAndReleasesTheLock() throws Exception {
        assertThat(run()).isEqualTo(3);
        assertThat(emr.requests()).isEmpty();
        assertThat(lock).doesNotExist();
        assertThat(cli.summary().path("status").asText()).isEqualTo("NO_DATA");
    }

    @Test
    void aNonEmptyShreddedGoodIsAnOngoingRunToo() throws Exception {
        put(s3, "enriched/stream/a.gz", "a");
        put(s3, "shredded/good/run=2026-11-30-09-00-00/atomic-events/part-0.gz", "a");

        assertThat(run()).isEqualTo(4);
        assertThat(emr.requests()).isEmpty();
    }

    @Test
    void aForbiddenCombinationExitsOneNamingItAndTakesNoLock() {
        assertThat(run("-f", "shred", "-x", "rdb_load")).isEqualTo(1);
        assertThat(cli.err()).contains("--resume-from and --skip are mutually exclusive");
        assertThat(lock).doesNotExist();

        assertThat(run("-x", "staging")).isEqualTo(1);
        assertThat(cli.err()).contains("--skip staging is not allowed in Stream Enrich mode");
        assertThat(emr.requests()).isEmpty();
    }

    @Test
    void resumingFromRdbLoadRecoversTheLatestShreddedRun() throws Exception {
        put(s3, "enriched/good/run=2026-11-30-09-00-00/a.gz", "a");
        put(s3, "shredded/good/run=2026-11-30-09-00-00/atomic-events/part-0.gz", "a");

        assertThat(run("-f", "rdb_load")).as(cli.err()).isZero();

        JsonNode steps = emr.requests("RunJobFlow").get(0).body().path("Steps");
        assertThat(steps).hasSize(4);
        assertThat(steps.get(0).path("HadoopJarStep").path("Args").get(1).asText())
                .isEqualTo("s3://acme-snowplow/shredded/good/run=2026-11-30-09-00-00/");
    }

    @Test
    void resumingFromShredDeletesWhatAnInterruptedShredLeftBeforeTheClusterCopiesTheNewOutput() throws Exception {
        put(s3, "enriched/good/run=2026-11-30-09-00-00/a.gz", "a");
        put(s3, "shredded/good/run=2026-11-30-09-00-00/atomic-events/part-00000-first-attempt.gz", "a");

        assertThat(run("-f", "shred")).as(cli.err()).isZero();

        // S3DistCp would copy the new attempt's part files beside the old ones, which rdb_load would then load too.
        assertThat(keys(s3, "shredded/good/")).isEmpty();
        assertThat(cli.out()).contains("deleting the 1 objects an interrupted shred of this run left in shredded.good");
        assertThat(emr.requests("RunJobFlow")).hasSize(1);
    }

    @Test
    void aShreddedRunThatCompletedIsNotAnInterruptedShred() throws Exception {
        put(s3, "enriched/good/run=2026-11-30-09-00-00/a.gz", "a");
        put(s3, "shredded/good/run=2026-11-30-09-00-00/atomic-events/part-0.gz", "a");
        put(s3, "shredded/good/run=2026-11-30-09-00-00/shredding_complete.json", "{}");

        assertThat(run("-f", "shred")).isEqualTo(4);
        assertThat(keys(s3, "shredded/good/")).hasSize(2);
        assertThat(emr.requests()).isEmpty();
    }

    @Test
    void aBadPollIntervalIsAUsageErrorWithExitOne() {
        assertThat(run("--poll-interval", "soon")).isEqualTo(1);
        assertThat(cli.err()).contains("expected a duration like 60s, 5m or 1h, got \"soon\"");
    }

    @Test
    void aRunningPersistentClusterExits18WithoutTouchingS3AndReleasesTheLock() throws Exception {
        put(s3, "enriched/stream/2026/12/01/08/a.gz", "a");
        String cluster = emr.seedCluster("Snowplow ETL", "RUNNING", java.time.Instant.parse("2026-12-01T08:00:00Z"));

        assertThat(run("--use-persistent-jobflow", "--persistent-jobflow-duration", "1d12h")).as(cli.err())
                .isEqualTo(18);

        assertThat(lock).doesNotExist();
        JsonNode summary = cli.summary();
        assertThat(summary.path("status").asText()).isEqualTo("CLUSTER_BUSY");
        assertThat(summary.path("lockReleased").asBoolean()).isTrue();
        assertThat(summary.path("message").asText()).contains(cluster).contains("RUNNING");
        assertThat(keys(s3, "")).containsExactly("enriched/stream/2026/12/01/08/a.gz");
        assertThat(emr.requests()).extracting(FakeEmrEndpoint.Request::operation).containsOnly("ListClusters");

        // The busy run ends; the next run is not locked out (17) and reuses the cluster.
        emr.setState(cluster, "WAITING");
        assertThat(run("--use-persistent-jobflow", "--persistent-jobflow-duration", "1d12h")).as(cli.err())
                .isZero();
        assertThat(emr.requests("AddJobFlowSteps")).hasSize(1);
        assertThat(emr.requests("AddJobFlowSteps").get(0).body().path("JobFlowId").asText()).isEqualTo(cluster);
        assertThat(emr.requests("RunJobFlow")).isEmpty();
        assertThat(emr.terminated(cluster)).isFalse();
        assertThat(cli.summary().path("clusterId").asText()).isEqualTo(cluster);
        assertThat(cli.summary().path("counts").path("clusterLaunches").asInt()).isZero();
        assertThat(lock).doesNotExist();
    }

    @Test
    void aPersistentRunWhoseStepsKeepFailingExitsOneAndKeepsTheLock() throws Exception {
        put(s3, "enriched/stream/2026/12/01/08/a.gz", "a");
        String cluster = emr.seedCluster("Snowplow ETL", "WAITING", java.time.Instant.parse("2026-12-01T08:00:00Z"));
        emr.script(ClusterScript.failsAt(2), ClusterScript.failsAt(0), ClusterScript.failsAt(0),
                ClusterScript.failsAt(0));

        assertThat(run("--use-persistent-jobflow")).isEqualTo(1);

        assertThat(lock).exists();
        assertThat(emr.requests("AddJobFlowSteps")).hasSize(4);
        assertThat(emr.terminated(cluster)).isFalse();
        JsonNode summary = cli.summary();
        assertThat(summary.path("lockReleased").asBoolean()).isFalse();
        assertThat(summary.path("steps")).hasSize(11);
        assertThat(summary.path("steps").get(2).path("state").asText()).isEqualTo("FAILED");
        assertThat(cli.out()).contains("failed 4 times").contains("the lock is kept");
        assertThat(run("--use-persistent-jobflow")).isEqualTo(17);
    }

    @Test
    void persistentOptionsAreRefusedWithTheLocalRunnerOrAlone() {
        assertThat(run("--runner", "local", "--use-persistent-jobflow")).isEqualTo(1);
        assertThat(cli.err()).contains("--use-persistent-jobflow: only valid with --runner emr");
        assertThat(lock).doesNotExist();

        assertThat(run("--persistent-jobflow-duration", "6h")).isEqualTo(1);
        assertThat(cli.err()).contains("--persistent-jobflow-duration: only valid with --use-persistent-jobflow");
        assertThat(emr.requests()).isEmpty();
        assertThat(lock).doesNotExist();
    }

    @Test
    void aBadPersistentJobflowDurationNamesTheOptionAndTheForm() {
        assertThat(run("--use-persistent-jobflow", "--persistent-jobflow-duration", "1.5h")).isEqualTo(1);
        assertThat(cli.err()).contains("--persistent-jobflow-duration")
                .contains("expected a duration like 1d12h, 6h or 30m").contains("got \"1.5h\"");
        assertThat(emr.requests()).isEmpty();
    }
}
