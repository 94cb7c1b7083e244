package dev.tributary.localstack.demo;

import dev.tributary.localstack.client.StackAddresses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the batch layer the way a user does, {@code ./pipeline batch} with the stack's data directory, ports and
 * bucket, as a child process: the demo then shows exactly what the quickstart's command does (generated config,
 * the local runner, the shredder's Spark JVM), and the script itself is exercised by the demo's test. The child's
 * output goes to our standard error (it is progress), its last line is the run summary JSON.
 */
final class BatchScript {

    private final Path script;

    BatchScript(Path script) {
        this.script = script;
    }

    /** The run's exit code (0 done, 3 no new data, ...; see batch-trigger/README.md) and its summary line. */
    record Outcome(int exitCode, String summary) {
    }

    Outcome run(StackAddresses stack, PrintStream progress) throws IOException, InterruptedException {
        if (!Files.isExecutable(script)) {
            throw new IOException("pipeline-script: expected the executable ./pipeline of this checkout, got " + script);
        }
        Process process = new ProcessBuilder(List.of(script.toString(), "batch",
                "--data-dir", stack.dataDir().toString(),
                "--s3-port", Integer.toString(stack.s3Port()),
                "--postgres-port", Integer.toString(stack.postgresPort()),
                // The demo's table counts its own sample; the run's monitoring events would add to the topics.
                "--no-monitoring-events",
                "--bucket", stack.bucket()))
                .directory(script.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        String last = "";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                progress.println("  batch | " + line);
                if (line.startsWith("{")) {
                    last = line;
                }
            }
        }
        return new Outcome(process.waitFor(), last);
    }
}
