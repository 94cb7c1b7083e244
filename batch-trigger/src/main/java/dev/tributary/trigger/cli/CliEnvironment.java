package dev.tributary.trigger.cli;

import dev.tributary.trigger.local.ChildJvmJob;
import dev.tributary.trigger.local.LoadJob;
import dev.tributary.trigger.local.LocalJobSettings;
import dev.tributary.trigger.local.ShredJob;
import dev.tributary.trigger.run.Backoff;
import dev.tributary.trigger.run.Sleeper;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
        ShredJob shredder(LocalJobSettings settings);

        LoadJob loader(LocalJobSettings settings);
    }

    /**
     * Child JVMs: the shredder's application jar with the Spark classpath around it ({@code local[*]}, Spark's JDK 17
     * flags), the loader's jar with its runtime classpath. A missing or unreadable jar or classpath file is reported
     * naming the option, before anything runs.
     */
    public static final LocalJobs CHILD_JVMS = new LocalJobs() {
        @Override
        public ShredJob shredder(LocalJobSettings settings) {
            List<String> jvm = new java.util.ArrayList<>(LocalJobSettings.SPARK_JVM_OPTIONS);
            jvm.add(LocalJobSettings.SHREDDER_LOGGING);
            jvm.addAll(LocalJobSettings.childLoggingOptions(System::getenv));
            return new ChildJvmJob("shredder", ChildJvmJob.currentJava(), settings.shredderFullClasspath(),
                    dev.tributary.trigger.emr.AssetJars.SHREDDER_MAIN, jvm,
                    withSparkLocalIp(settings.childEnvironment()));
        }

        @Override
        public LoadJob loader(LocalJobSettings settings) {
            return new ChildJvmJob("warehouse-loader", ChildJvmJob.currentJava(), settings.loaderFullClasspath(),
                    dev.tributary.trigger.emr.AssetJars.LOADER_MAIN,
                    LocalJobSettings.childLoggingOptions(System::getenv), settings.childEnvironment());
        }
    };

    /** Spark binds and advertises the host's address unless told otherwise: loopback, as every local server. */
    private static java.util.Map<String, String> withSparkLocalIp(java.util.Map<String, String> env) {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(env);
        all.putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
        return all;
    }

    public static CliEnvironment system() {
        return new CliEnvironment(System::getenv, Clock.systemDefaultZone(), System.out, System.err, Sleeper.REAL,
                Backoff.emrDefault(), Backoff.s3Default(),
                // EmrEtlRunner waited a random 1-600 s before relaunching after a bootstrap failure.
                () -> Duration.ofSeconds(ThreadLocalRandom.current().nextInt(1, 601)),
                ProcessHandle.current().pid(), CHILD_JVMS);
    }
}
