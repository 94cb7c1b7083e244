package dev.tributary.trigger.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code run}: EmrEtlRunner's options, plus {@code --runner}, {@code --poll-interval} and the local runner's jars. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Stage, shred, load and archive one run (exit 0 ok, 1 failed, 3 no data, 4 ongoing run, "
                + "17 lock held, 18 cluster busy).")
public final class RunCommand implements Callable<Integer> {

    public enum Runner { emr, local }

    @ParentCommand
    TriggerCli parent;

    @Option(names = {"-c", "--config"}, required = true, description = "EmrEtlRunner config.yml")
    Path config;

    @Option(names = {"-r", "--resolver"}, required = true, description = "Iglu resolver JSON")
    Path resolver;

    @Option(names = {"-n", "--enrichments"}, description = "enrichments directory (unused in Stream Enrich mode)")
    Path enrichments;

    @Option(names = {"-t", "--targets"}, description = "storage targets directory")
    Path targets;

    @Option(names = {"-d", "--debug"}, description = "enable EMR job flow debugging")
    boolean debug;

    @Option(names = {"-f", "--resume-from"}, description = "resume from this step")
    String resumeFrom;

    @Option(names = {"-x", "--skip"}, split = ",", description = "skip these steps")
    List<String> skip = new ArrayList<>();

    @Option(names = {"-i", "--include"}, split = ",", description = "include these steps (vacuum)")
    List<String> include = new ArrayList<>();

    @Option(names = {"-l", "--lock"}, description = "lock file, or Consul key with --consul")
    String lock;

    @Option(names = "--consul", description = "Consul address, e.g. http://127.0.0.1:8500")
    URI consul;

    @Option(names = "--ignore-lock-on-start", description = "proceed even if the lock is held (it is still removed "
            + "at the end of a successful run)")
    boolean ignoreLockOnStart;

    @Option(names = "--runner", defaultValue = "emr", description = "emr or local (default: emr)")
    Runner runner;

    @Option(names = "--poll-interval", defaultValue = "60s", converter = DurationConverter.class,
            description = "how often EMR step states are polled (default 60s)")
    Duration pollInterval;

    @Option(names = "--use-persistent-jobflow", description = "EMR runner: reuse the WAITING cluster named "
            + "aws.emr.jobflow.job_name (exit 18 if it is busy), or launch one that stays up")
    boolean usePersistentJobflow;

    @Option(names = "--persistent-jobflow-duration", converter = JobflowDurationConverter.class,
            description = "with --use-persistent-jobflow: terminate the cluster after a run once it is older than "
            + "this (1d12h, 6h, 30m; default: never)")
    Duration persistentJobflowDuration;

    @Option(names = "--shredder-jar", defaultValue = "${env:TRIBUTARY_SHREDDER_JAR}",
            description = "local runner: the shredder's application jar "
            + "(shredder/target/shredder-<v>-spark.jar; default: $TRIBUTARY_SHREDDER_JAR)")
    Path shredderJar;

    @Option(names = "--shredder-classpath", defaultValue = "${env:TRIBUTARY_SHREDDER_CLASSPATH}",
            description = "local runner: Spark's classpath for the shredder, "
            + "entries separated by ':'; @FILE reads a classpath file (shredder/target/local-classpath.txt; default: $TRIBUTARY_SHREDDER_CLASSPATH)")
    String shredderClasspath;

    @Option(names = "--loader-jar", defaultValue = "${env:TRIBUTARY_LOADER_JAR}",
            description = "local runner: the warehouse-loader jar "
            + "(default: $TRIBUTARY_LOADER_JAR)")
    Path loaderJar;

    @Option(names = "--loader-classpath", defaultValue = "${env:TRIBUTARY_LOADER_CLASSPATH}",
            description = "local runner: the loader's dependencies, entries "
            + "separated by ':'; @FILE reads a classpath file (warehouse-loader/target/local-classpath.txt; default: $TRIBUTARY_LOADER_CLASSPATH)")
    String loaderClasspath;

    @Mixin
    RunMonitoringOptions monitoring = new RunMonitoringOptions();

    @Override
    public Integer call() throws Exception {
        RunOptions options = new RunOptions(config, resolver, Optional.ofNullable(enrichments),
                Optional.ofNullable(targets), debug, Optional.ofNullable(resumeFrom), List.copyOf(skip),
                List.copyOf(include), Optional.ofNullable(lock), Optional.ofNullable(consul), ignoreLockOnStart,
                runner, pollInterval, Optional.ofNullable(shredderJar), Optional.ofNullable(shredderClasspath),
                Optional.ofNullable(loaderJar), Optional.ofNullable(loaderClasspath), usePersistentJobflow,
                Optional.ofNullable(persistentJobflowDuration));
        return new RunWiring(parent.environment).run(options, monitoring.port()).code();
    }

    /** The parsed command line, for {@link RunWiring}. */
    public record RunOptions(Path config, Path resolver, Optional<Path> enrichments, Optional<Path> targets,
                             boolean debug, Optional<String> resumeFrom, List<String> skip, List<String> include,
                             Optional<String> lock, Optional<URI> consul, boolean ignoreLockOnStart, Runner runner,
                             Duration pollInterval, Optional<Path> shredderJar, Optional<String> shredderClasspath,
                             Optional<Path> loaderJar, Optional<String> loaderClasspath,
                             boolean usePersistentJobflow, Optional<Duration> persistentJobflowDuration) {
    }
}
