package dev.tributary.trigger.cli;

import dev.tributary.trigger.local.ChildJvmJob;
import dev.tributary.trigger.local.LoadJob;
import dev.tributary.trigger.local.ShredJob;
import dev.tributary.trigger.run.Backoff;
import dev.tributary.trigger.run.ExitCode;
import dev.tributary.trigger.run.RunFailure;
import dev.tributary.trigger.run.Sleeper;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What the CLI takes from the outside world, in one place so tests can give their own: environment variables (for
 * ERB tags), clock, output streams, waits, retry delays, the PID written into locks and how the local runner's jobs
 * are started.
 */
public record CliEnvironment(
        UnaryOperator<String> env,
        Clock clock,
        PrintStream out,
        PrintStream err,
        Sleeper sleeper,
        Backoff emrBackoff,
        Backoff s3Backoff,
        Supplier<Duration> relaunchDelay,
        long pid,
        LocalJobs localJobs) {

    /** Starts the shredder and the loader for the local runner. */
    public interface LocalJobs {
        ShredJob shredder(Optional<Path> jar);

        LoadJob loader(Optional<Path> jar);
    }

    /** Child JVMs running the jars given on the command line; without a jar, the step fails saying which option. */
    public static final LocalJobs CHILD_JVMS = new LocalJobs() {
        @Override
        public ShredJob shredder(Optional<Path> jar) {
            return jar.<ShredJob>map(j -> new ChildJvmJob("shredder", ChildJvmJob.currentJava(), j.toString(),
                    dev.tributary.trigger.emr.AssetJars.SHREDDER_MAIN, List.of()))
                    .orElse(request -> {
                        throw new RunFailure(ExitCode.FAILURE, "the local runner needs the shredder's application "
                                + "jar: pass --shredder-jar");
                    });
        }

        @Override
        public LoadJob loader(Optional<Path> jar) {
            return jar.<LoadJob>map(j -> new ChildJvmJob("warehouse-loader", ChildJvmJob.currentJava(),
                    j.toString(), dev.tributary.trigger.emr.AssetJars.LOADER_MAIN, List.of()))
                    .orElse(request -> {
                        throw new RunFailure(ExitCode.FAILURE, "the local runner needs the warehouse-loader jar: "
                                + "pass --loader-jar");
                    });
        }
    };

    public static CliEnvironment system() {
        return new CliEnvironment(System::getenv, Clock.systemDefaultZone(), System.out, System.err, Sleeper.REAL,
                Backoff.emrDefault(), Backoff.s3Default(),
                // EmrEtlRunner waited a random 1-600 s before relaunching after a bootstrap failure.
                () -> Duration.ofSeconds(ThreadLocalRandom.current().nextInt(1, 601)),
                ProcessHandle.current().pid(), CHILD_JVMS);
    }
}
