package dev.tributary.trigger.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.trigger.config.Sse;
import dev.tributary.trigger.run.RunFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The local runner's child JVM: the shredder's and loader's CLI arguments reach a real separate process. */
@Timeout(60)
class ChildJvmJobTest {

    @TempDir
    Path dir;

    ChildJvmJob job(Path record, int exitCode) {
        return new ChildJvmJob("stand-in", ChildJvmJob.currentJava(), System.getProperty("java.class.path"),
                ArgsRecordingMain.class.getName(), List.of("-Drecord.to=" + record, "-Dexit.code=" + exitCode),
                java.util.Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:1"));
    }

    @Test
    void theShredderGetsItsCliArguments() throws Exception {
        Path record = dir.resolve("args");
        String resolver = "{\"schema\":\"x\"}";

        job(record, 0).shred(new ShredRequest("s3a://b/enriched/good/run=1/", "s3a://b/shredded/good/run=1/",
                "s3a://b/shredded/bad/run=1/", resolver, Sse.kms("arn:k"), "2026-12-01-09-00-00"));

        assertThat(Files.readAllLines(record)).containsExactly("--input", "s3a://b/enriched/good/run=1/",
                "--output", "s3a://b/shredded/good/run=1/", "--bad-output", "s3a://b/shredded/bad/run=1/",
                "--iglu-config", Base64.getEncoder().encodeToString(resolver.getBytes(StandardCharsets.UTF_8)),
                "--sse", "aws:kms", "--sse-kms-key-id", "arn:k", "--run-id", "2026-12-01-09-00-00",
                "env AWS_ENDPOINT_URL_S3=http://127.0.0.1:1");
    }

    @Test
    void theLoaderGetsItsTargetAndResolverAsOwnerOnlyFilesAndANonZeroExitFailsTheStep() throws Exception {
        Path record = dir.resolve("args");
        LoadRequest request = new LoadRequest("s3://b/shredded/good/run=1/", "pg", "{\"password\":\"p\"}", "{}",
                List.of("vacuum"), List.of("analyze"));

        assertThatThrownBy(() -> job(record, 2).load(request))
                .isInstanceOf(RunFailure.class)
                .hasMessageContaining("exited with 2");
        // The password never goes on the command line (ps shows it); the files are gone once the child ended.
        assertThat(Files.readAllLines(record)).containsExactly("--run", "s3://b/shredded/good/run=1/",
                "--target", "file rw------- {\"password\":\"p\"}", "--resolver", "file rw------- {}",
                "--include", "vacuum", "--skip", "analyze", "env AWS_ENDPOINT_URL_S3=http://127.0.0.1:1");
        try (var temp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(temp.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("tributary-load-"));
        }
        assertThat(request.toString()).doesNotContain("password");
    }
}
