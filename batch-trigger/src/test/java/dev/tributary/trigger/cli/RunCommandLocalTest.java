package dev.tributary.trigger.cli;

import static dev.tributary.trigger.s3.S3TestSupport.BUCKET;
import static dev.tributary.trigger.s3.S3TestSupport.head;
import static dev.tributary.trigger.s3.S3TestSupport.keys;
import static dev.tributary.trigger.s3.S3TestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.trigger.config.Fixtures;
import dev.tributary.trigger.local.LoadJob;
import dev.tributary.trigger.local.LoadRequest;
import dev.tributary.trigger.local.LocalJobSettings;
import dev.tributary.trigger.local.ShredJob;
import dev.tributary.trigger.local.ShredRequest;
import dev.tributary.trigger.run.ExitCode;
import dev.tributary.trigger.run.RunFailure;
import dev.tributary.trigger.s3.S3TestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * {@code run --runner local} on the embedded S3. The shredder and the loader are not built yet, so the test stands
 * in for them behind the {@link ShredJob}/{@link LoadJob} interfaces: the stand-in shredder reads the run folder from
 * S3 and writes atomic-events with the SSE it is asked for; the stand-in loader keeps a manifest per target and
 * loads a run once. Everything the trigger itself does (staging, SSE copies, archives, lock, exit codes) is real.
 */
@Timeout(180)
class RunCommandLocalTest {

    static S3Client s3;
    final CliTestSupport cli = new CliTestSupport();
    final StandInShredder shredder = new StandInShredder();
    final StandInLoader loader = new StandInLoader();

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
    void setUp() throws IOException {
        S3TestSupport.start();
        S3TestSupport.clear(s3);
        lock = dir.resolve("etl.lock");
        resolver = Files.writeString(dir.resolve("resolver.json"),
                "{\"schema\":\"iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-1\","
                        + "\"data\":{\"cacheSize\":500,\"repositories\":[]}}");
        cli.localJobs = new CliEnvironment.LocalJobs() {
            @Override
            public ShredJob shredder(LocalJobSettings settings) {
                return shredder;
            }

            @Override
            public LoadJob loader(LocalJobSettings settings) {
                return loader;
            }
        };
    }

    int run(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--runner", "local", "-c",
                Fixtures.resource("config/stream_config.yml").toString(), "-r", resolver.toString(),
                "-t", Fixtures.resource("targets").toString(), "-l", lock.toString()));
        args.addAll(List.of(extra));
        return cli.run(args.toArray(String[]::new));
    }

    void s3LoaderOutput() {
        put(s3, "enriched/stream/2026/12/01/08/enriched-0-0-1.gz", "e1\ne2");
        put(s3, "enriched/stream/2026/12/01/09/enriched-0-2-2.gz", "e3");
    }

    @Test
    void stagesShredsLoadsAndArchivesWithSseEverywhere() throws Exception {
        s3LoaderOutput();

        int code = run();

        assertThat(code).as(cli.out() + cli.err()).isZero();
        assertThat(keys(s3, "enriched/stream/")).isEmpty();
        assertThat(keys(s3, "enriched/good/")).isEmpty();
        assertThat(keys(s3, "shredded/good/")).isEmpty();
        List<String> archived = new ArrayList<>(keys(s3, "enriched/archive/"));
        archived.addAll(keys(s3, "shredded/archive/"));
        assertThat(archived).hasSize(4).allMatch(k -> k.contains("/run=2026-12-01-09-00-"));
        for (String key : archived) {
            assertThat(head(s3, key).serverSideEncryption()).as(key).isEqualTo(ServerSideEncryption.AES256);
        }
        assertThat(loader.loaded).containsOnlyKeys("PostgreSQL warehouse", "AWS Redshift enriched events storage");
        assertThat(loader.loaded.get("PostgreSQL warehouse")).containsExactly("e1", "e2", "e3");
        assertThat(shredder.requests).hasSize(1);
        assertThat(shredder.requests.get(0).input()).startsWith("s3a://acme-snowplow/enriched/good/run=");
        assertThat(shredder.requests.get(0).sse().mode().value()).isEqualTo("AES256");
        assertThat(lock).doesNotExist();
        JsonNode summary = cli.summary();
        assertThat(summary.path("exitCode").asInt()).isZero();
        assertThat(summary.path("counts").path("objectsStaged").asInt()).isEqualTo(2);
        assertThat(summary.path("steps")).hasSize(5);
        assertThat(cli.out()).contains("step 1/5: staging_stream_enrich").contains("step 5/5: archive_shredded");
        assertThat(cli.out() + cli.err()).doesNotContain("s3cr3t");

        assertThat(run()).isEqualTo(ExitCode.NO_DATA.code());
        assertThat(lock).doesNotExist();
    }

    @Test
    void monitoringPortServesTheRunsMetersWhileItRuns() throws Exception {
        s3LoaderOutput();
        long stagedBytes = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("enriched/stream/")).contents().stream()
                .mapToLong(o -> o.size()).sum();
        Map<String, String> seen = new LinkedHashMap<>();
        shredder.whileShredding = () -> {
            String url = cli.out().lines().filter(l -> l.contains("monitoring: http://127.0.0.1:")).findFirst()
                    .orElseThrow().replaceAll(".*monitoring: (http://[0-9.:]+).*", "$1");
            seen.put("url", url);
            seen.put("metrics", httpGet(url + "/metrics").body());
            seen.put("health", String.valueOf(httpGet(url + "/health").statusCode()));
        };

        int code = run("--monitoring-port", "0");

        assertThat(code).as(cli.out() + cli.err()).isZero();
        assertThat(seen.get("health")).isEqualTo("200");
        // Scraped during shred, step 2 of 5: staging finished after moving both objects.
        String metrics = seen.get("metrics");
        assertThat(metric(metrics, "tributary_trigger_step_current")).isEqualTo(2);
        assertThat(metric(metrics, "tributary_trigger_steps_planned")).isEqualTo(5);
        assertThat(metric(metrics, "tributary_trigger_steps_finished_total{state=\"COMPLETED\"}")).isEqualTo(1);
        assertThat(metric(metrics, "tributary_trigger_steps_finished_total{state=\"FAILED\"}")).isZero();
        assertThat(metric(metrics, "tributary_trigger_objects_moved_total")).isEqualTo(2);
        assertThat(metric(metrics, "tributary_trigger_bytes_moved_total")).isEqualTo(stagedBytes);
        assertThat(metric(metrics, "tributary_trigger_run_exit_code")).isEqualTo(-1);
        assertThat(metric(metrics, "tributary_trigger_run_duration_seconds")).isPositive();
        assertThat(metrics).contains("tributary_build_info{service=\"tributary-trigger\"");
        // The server lives as long as the run.
        assertThatThrownBy(() -> httpGet(seen.get("url") + "/health")).hasCauseInstanceOf(
                java.net.ConnectException.class);
    }

    @Test
    void aMonitoringPortInUseStopsTheRunNamingTheOption() throws Exception {
        s3LoaderOutput();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            int code = run("--monitoring-port", String.valueOf(taken.getLocalPort()));

            assertThat(code).isEqualTo(1);
            assertThat(cli.err()).contains("--monitoring-port: cannot listen on 127.0.0.1:" + taken.getLocalPort());
            assertThat(keys(s3, "enriched/stream/")).hasSize(2); // nothing was touched
        }
    }

    static java.net.http.HttpResponse<String> httpGet(String url) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("GET " + url, e);
        }
    }

    /** The value of one series in Prometheus text, {@code name} including its labels as printed. */
    static double metric(String scrape, String name) {
        return scrape.lines().filter(l -> l.startsWith(name + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(name.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(name + " not in\n" + scrape));
    }

    @Test
    void aRunInterruptedDuringShredResumesFromShredAndLoadsEachEventOnce() throws Exception {
        s3LoaderOutput();
        shredder.failNext = true;

        assertThat(run()).isEqualTo(1);
        assertThat(lock).exists();
        assertThat(keys(s3, "enriched/good/")).hasSize(2);
        assertThat(cli.summary().path("steps").get(1).path("state").asText()).isEqualTo("FAILED");
        assertThat(run()).isEqualTo(17);

        Files.delete(lock); // the operator has looked at the failure
        assertThat(run("--resume-from", "shred")).as(cli.out() + cli.err()).isZero();

        assertThat(loader.loaded.get("PostgreSQL warehouse")).containsExactly("e1", "e2", "e3");
        assertThat(keys(s3, "enriched/good/")).isEmpty();
        assertThat(keys(s3, "enriched/archive/")).hasSize(2);
        assertThat(keys(s3, "shredded/good/")).isEmpty();
        assertThat(lock).doesNotExist();
    }

    @Test
    void resumingFromRdbLoadTwiceLoadsNothingTwice() throws Exception {
        s3LoaderOutput();
        assertThat(run("-x", "archive_shredded,archive_enriched")).isZero();
        int loads = loader.calls;

        assertThat(run("-f", "rdb_load", "-i", "vacuum")).isZero();

        assertThat(loader.calls).isEqualTo(loads + 2);
        assertThat(loader.lastRequest.includes()).containsExactly("vacuum");
        assertThat(loader.loaded.get("PostgreSQL warehouse")).containsExactly("e1", "e2", "e3");
        assertThat(keys(s3, "shredded/archive/")).hasSize(2);
    }

    /** Reads the run folder's events and writes them as atomic-events with the requested SSE. */
    static final class StandInShredder implements ShredJob {
        final List<ShredRequest> requests = new ArrayList<>();
        boolean failNext;
        Runnable whileShredding = () -> { };

        @Override
        public void shred(ShredRequest request) {
            requests.add(request);
            whileShredding.run();
            if (failNext) {
                failNext = false;
                throw new RunFailure(ExitCode.FAILURE, "shredder killed");
            }
            List<String> lines = new ArrayList<>();
            for (String key : keys(s3, prefix(request.input()))) {
                lines.addAll(gunzip(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray()));
            }
            String out = prefix(request.output()) + "run=" + request.runId() + "/"; // the shredder's layout
            write(out + "atomic-events/part-00000.gz", String.join("\n", lines), request);
            write(out + "_SUCCESS", "", request);
        }

        private static void write(String key, String content, ShredRequest request) {
            PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(BUCKET).key(key);
            if (request.sse().enabled()) {
                put.serverSideEncryption(request.sse().mode().value());
            }
            s3.putObject(put.build(), RequestBody.fromBytes(gzip(content)));
        }
    }

    /** A load manifest per target: a run is loaded once. */
    static final class StandInLoader implements LoadJob {
        final Map<String, List<String>> loaded = new LinkedHashMap<>();
        final Map<String, List<String>> manifest = new LinkedHashMap<>();
        int calls;
        LoadRequest lastRequest;

        @Override
        public void load(LoadRequest request) {
            calls++;
            lastRequest = request;
            List<String> runs = manifest.computeIfAbsent(request.targetName(), k -> new ArrayList<>());
            if (runs.contains(request.run())) {
                return;
            }
            String prefix = prefix(request.run()) + "atomic-events/";
            List<String> events = loaded.computeIfAbsent(request.targetName(), k -> new ArrayList<>());
            for (String key : keys(s3, prefix)) {
                events.addAll(gunzip(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray()));
            }
            runs.add(request.run());
        }
    }

    static String prefix(String url) {
        return url.replaceFirst("^s3a?://" + BUCKET + "/", "");
    }

    static List<String> gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(String content) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content.getBytes(StandardCharsets.UTF_8));
            gz.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
