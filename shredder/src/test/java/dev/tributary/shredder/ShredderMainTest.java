package dev.tributary.shredder;

import dev.tributary.schemas.shredding.ShreddingComplete;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The spark-submit entry point: arguments as EmrEtlRunner passes them, exit codes. */
class ShredderMainTest {

    @TempDir
    Path dir;

    @Test
    void badArgumentsExitWith2() {
        assertThat(ShredderMain.run(new String[] {"--input", "x"}, Map.of())).isEqualTo(2);
        assertThat(ShredderMain.run(new String[] {"--input", "/e/run=2026-11-30-22-00-00", "--output", "/g",
                "--bad-output", "/b", "--sse", "aws:kms"}, Map.of())).isEqualTo(2);
        assertThat(ShredderMain.run(new String[] {"--input", "/e/no-run-folder", "--output", "/g",
                "--bad-output", "/b"}, Map.of())).isEqualTo(2);
    }

    @Test
    void shredsARunFolderWithABase64ResolverAndTheRunIdOfItsInput() throws Exception {
        EnrichedEventGenerator generated = new EnrichedEventGenerator(3).unique(40).corrupt(2);
        Path input = dir.resolve("enriched/good/run=2026-11-30-22-00-00");
        generated.writeRunFolder(input, 2);
        String resolver = Base64.getEncoder().encodeToString(
                SparkTestSession.testResolver().getBytes(StandardCharsets.UTF_8));

        int exit = ShredderMain.run(new String[] {"--input", input.toUri().toString(),
                "--output", dir.resolve("shredded/good").toUri().toString(),
                "--bad-output", dir.resolve("shredded/bad").toUri().toString(), "--iglu-config", resolver,
                "--sse", "AES256"}, Map.of());

        assertThat(exit).isZero();
        Path run = dir.resolve("shredded/good/run=2026-11-30-22-00-00");
        assertThat(ShreddingComplete.parse(Files.readString(run.resolve("shredding_complete.json"))).countGood())
                .isEqualTo(generated.good);
        assertThat(RunFolderReader.linesByFolder(dir.resolve("shredded/bad/run=2026-11-30-22-00-00")).get(""))
                .hasSize(2);
    }
}
