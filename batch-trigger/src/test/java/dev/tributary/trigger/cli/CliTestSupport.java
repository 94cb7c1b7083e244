package dev.tributary.trigger.cli;

import dev.tributary.trigger.RecordingSleeper;
import dev.tributary.trigger.TickingClock;
import dev.tributary.trigger.config.Fixtures;
import dev.tributary.trigger.run.Backoff;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** Runs the CLI in-process with captured output, recorded waits and a ticking clock. */
final class CliTestSupport {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final RecordingSleeper sleeper = new RecordingSleeper();
    final TickingClock clock = new TickingClock(Instant.parse("2026-12-01T09:00:00Z"), Duration.ofSeconds(1));
    CliEnvironment.LocalJobs localJobs = CliEnvironment.CHILD_JVMS;

    int run(String... args) {
        out.reset();
        err.reset();
        CliEnvironment env = new CliEnvironment(Fixtures.ENV::get, clock,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                sleeper, Backoff.fixed(4, Duration.ofSeconds(1)), Backoff.fixed(3, Duration.ofSeconds(1)),
                () -> Duration.ofSeconds(5), 4242, localJobs);
        return TriggerCli.execute(env, args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The JSON summary: the last line of stdout. */
    com.fasterxml.jackson.databind.JsonNode summary() throws Exception {
        String[] lines = out().strip().split("\n");
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines[lines.length - 1]);
    }
}
