package dev.tributary.trigger.cli;

import dev.tributary.trigger.JobRunner;
import dev.tributary.trigger.Preconditions;
import dev.tributary.trigger.RunContext;
import dev.tributary.trigger.TriggerRun;
import dev.tributary.trigger.cli.RunCommand.RunOptions;
import dev.tributary.trigger.config.ConfigException;
import dev.tributary.trigger.config.ConfigReader;
import dev.tributary.trigger.config.IgluLint;
import dev.tributary.trigger.config.StorageTarget;
import dev.tributary.trigger.config.TargetsReader;
import dev.tributary.trigger.config.TriggerConfig;
import dev.tributary.trigger.emr.AssetJars;
import dev.tributary.trigger.emr.EmrClientFactory;
import dev.tributary.trigger.emr.EmrJob;
import dev.tributary.trigger.emr.EmrJobRunner;
import dev.tributary.trigger.emr.EmrRetry;
import dev.tributary.trigger.emr.EmrRunner;
import dev.tributary.trigger.emr.EmrStepWatcher;
import dev.tributary.trigger.events.SnowplowRunEvents;
import dev.tributary.trigger.emr.PersistentEmrRunner;
import dev.tributary.trigger.emr.PersistentJobflow;
import dev.tributary.trigger.local.LoadJob;
import dev.tributary.trigger.local.LocalJobSettings;
import dev.tributary.trigger.local.LocalRunner;
import dev.tributary.trigger.local.ShredJob;
import dev.tributary.trigger.lock.ConsulLock;
import dev.tributary.trigger.lock.FileLock;
import dev.tributary.trigger.lock.RunLock;
import dev.tributary.trigger.metrics.RunMonitoring;
import dev.tributary.trigger.plan.PlanRejected;
import dev.tributary.trigger.plan.StepPlan;
import dev.tributary.trigger.run.ExitCode;
import dev.tributary.trigger.run.Progress;
import dev.tributary.trigger.run.RunListener;
import dev.tributary.trigger.run.RunId;
import dev.tributary.trigger.s3.ArchiveRun;
import dev.tributary.trigger.s3.ObjectMover;
import dev.tributary.trigger.s3.S3ClientFactory;
import dev.tributary.trigger.s3.S3Folders;
import dev.tributary.trigger.s3.S3Retry;
import dev.tributary.trigger.s3.StagingStreamEnrich;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds one run's object graph from the command line: config, targets and resolver (exit 1 with every problem by
 * key path), the plan (exit 1 naming a forbidden combination), the lock, the AWS clients and the runner.
 */
final class RunWiring {

    private static final Logger LOG = LoggerFactory.getLogger(RunWiring.class);

    private final CliEnvironment environment;

    RunWiring(CliEnvironment environment) {
        this.environment = environment;
    }

    ExitCode run(RunOptions options, OptionalInt monitoringPort) throws InterruptedException {
        Optional<String> persistentProblem = PersistentJobflow.problem(options.usePersistentJobflow(),
                options.persistentJobflowDuration(), options.runner() == RunCommand.Runner.emr);
        if (persistentProblem.isPresent()) {
            environment.err().println(persistentProblem.get());
            return ExitCode.FAILURE;
        }
        TriggerConfig config;
        List<StorageTarget> targets;
        String resolverJson;
        StepPlan plan;
        try {
            config = new ConfigReader(environment.env(), LOG::info).read(options.config());
            targets = options.targets().map(dir -> new TargetsReader().read(dir)).orElse(List.of());
            resolverJson = resolver(options.resolver());
            plan = StepPlan.of(options.resumeFrom(), options.skip(), options.include(), true,
                    targets.stream().anyMatch(t -> t.purpose() == StorageTarget.Purpose.FAILED_EVENTS));
        } catch (ConfigException | PlanRejected e) {
            environment.err().println(e.getMessage());
            return ExitCode.FAILURE;
        }
        options.enrichments().ifPresent(dir -> LOG.info("-n {}: enrichments are unused in Stream Enrich mode "
                + "(events were enriched in the stream)", dir));
        if (!plan.consistencyCheck() || !plan.loadManifestCheck()) {
            LOG.info("consistency_check and load_manifest_check skips have no effect: the warehouse-loader has no "
                    + "eventual-consistency wait, and always checks its load manifest");
        }
        List<StorageTarget> loadTargets = targets.stream().filter(StorageTarget::loadsEvents).toList();
        if (plan.rdbLoad() && loadTargets.isEmpty()) {
            LOG.warn("rdb_load: no ENRICHED_EVENTS storage target (-t): nothing will be loaded");
        }

        if (monitoringPort.isPresent() && (monitoringPort.getAsInt() < 0 || monitoringPort.getAsInt() > 65535)) {
            environment.err().println("--monitoring-port: expected a TCP port 0..65535, got " + monitoringPort.getAsInt());
            return ExitCode.FAILURE;
        }
        Optional<RunMonitoring> monitoring;
        try {
            monitoring = monitoringPort.isPresent() ? Optional.of(RunMonitoring.start(monitoringPort.getAsInt(),
                    environment.clock(), TriggerCli.NAME, TriggerCli.VERSION)) : Optional.empty();
        } catch (IOException e) {
            environment.err().println("--monitoring-port: cannot listen on 127.0.0.1:" + monitoringPort.getAsInt()
                    + ": " + e.getMessage());
            return ExitCode.FAILURE;
        }
        Optional<SnowplowRunEvents> events = SnowplowRunEvents.of(config, TriggerCli.NAME, TriggerCli.VERSION,
                SnowplowRunEvents.DEFAULT_TIMEOUT);
        try {
            List<RunListener> listeners = new ArrayList<>();
            monitoring.ifPresent(m -> listeners.add(m.meters()));
            events.ifPresent(listeners::add);
            Progress progress = new Progress(environment.out(), environment.clock(), RunListener.all(listeners));
            monitoring.ifPresent(m -> progress.line("monitoring: " + m.url() + " (/health /ready /metrics)"));
            events.ifPresent(e -> LOG.atInfo().addKeyValue("collector", config.monitoring().snowplow().orElseThrow()
                    .collector()).log("monitoring events on"));
            return execute(options, config, plan, loadTargets, resolverJson, progress);
        } finally {
            events.ifPresent(SnowplowRunEvents::close);
            monitoring.ifPresent(RunMonitoring::close);
        }
    }

    private ExitCode execute(RunOptions options, TriggerConfig config, StepPlan plan, List<StorageTarget> loadTargets,
                             String resolverJson, Progress progress) throws InterruptedException {
        RunId runId = RunId.now(environment.clock());
        RunContext context = new RunContext(config, plan, runId, loadTargets, resolverJson, options.debug());
        LOG.info("AWS credentials: {}", config.aws().credentials());
        S3Retry s3Retry = new S3Retry(environment.s3Backoff(), environment.sleeper());
        try (S3Client s3 = S3ClientFactory.create(config.aws().s3().region(), config.aws().credentials())) {
            S3Folders folders = new S3Folders(s3, s3Retry);
            ObjectMover mover = new ObjectMover(s3, s3Retry, config.aws().s3().sse(),
                    progress.listener()::objectMoved);
            Preconditions preconditions = new Preconditions(folders, new StagingStreamEnrich(folders, mover),
                    environment.clock().getZone());
            if (options.runner() == RunCommand.Runner.local) {
                LocalJobSettings settings = new LocalJobSettings(options.shredderJar(), options.shredderClasspath(),
                        options.loaderJar(), options.loaderClasspath(), childEnvironment(s3, config));
                ShredJob shredder;
                LoadJob loader;
                try {
                    shredder = plan.shred() ? environment.localJobs().shredder(settings) : UNUSED_SHREDDER;
                    loader = plan.rdbLoad() && !loadTargets.isEmpty() ? environment.localJobs().loader(settings)
                            : UNUSED_LOADER;
                } catch (ConfigException e) {
                    environment.err().println(e.getMessage());
                    return ExitCode.FAILURE;
                }
                JobRunner runner = new LocalRunner(mover, new ArchiveRun(folders, mover), shredder, loader,
                        progress);
                return trigger(options, preconditions, runner, progress).execute(context);
            }
            try (EmrClient emr = EmrClientFactory.create(config.aws().emr().region(), config.aws().credentials())) {
                EmrRetry retry = new EmrRetry(environment.emrBackoff(), environment.sleeper());
                EmrStepWatcher watcher = new EmrStepWatcher(emr, retry, environment.sleeper(),
                        options.pollInterval(), progress);
                EmrJob emrRunner = options.usePersistentJobflow()
                        ? new PersistentEmrRunner(emr, retry, watcher, environment.sleeper(),
                                environment.relaunchDelay(), progress,
                                new PersistentJobflow(options.persistentJobflowDuration()))
                        : new EmrRunner(emr, retry, watcher, environment.sleeper(), environment.relaunchDelay(),
                                progress);
                AssetJars jars = new AssetJars(config.aws().s3().buckets().assets(),
                        config.storage().tributaryVersion().orElse(TriggerCli.VERSION));
                return trigger(options, preconditions, new EmrJobRunner(emrRunner, jars), progress).execute(context);
            }
        }
    }

    private static final ShredJob UNUSED_SHREDDER = request -> {
        throw new IllegalStateException("shred is not in this run's plan");
    };
    private static final LoadJob UNUSED_LOADER = request -> {
        throw new IllegalStateException("rdb_load has no target in this run");
    };

    /**
     * What the local runner's child JVMs need to reach the same S3 as this process: the endpoint override in force
     * (it may come from a system property, which a child would not see), the region, and keys written in config.yml.
     * With the SDK default chain the children use their own chain (they inherit the environment).
     */
    static Map<String, String> childEnvironment(S3Client s3, TriggerConfig config) {
        Map<String, String> env = new LinkedHashMap<>();
        s3.serviceClientConfiguration().endpointOverride()
                .ifPresent(endpoint -> env.put("AWS_ENDPOINT_URL_S3", endpoint.toString()));
        env.put("AWS_REGION", config.aws().s3().region());
        if (!config.aws().credentials().usesDefaultChain()) {
            AwsCredentials keys = config.aws().credentials().provider().resolveCredentials();
            env.put("AWS_ACCESS_KEY_ID", keys.accessKeyId());
            env.put("AWS_SECRET_ACCESS_KEY", keys.secretAccessKey());
        }
        return env;
    }

    private TriggerRun trigger(RunOptions options, Preconditions preconditions, JobRunner runner, Progress progress) {
        return new TriggerRun(lock(options), options.ignoreLockOnStart(), preconditions, runner, progress,
                environment.out());
    }

    private RunLock lock(RunOptions options) {
        if (options.lock().isEmpty()) {
            if (options.consul().isPresent()) {
                LOG.warn("--consul without --lock: no lock is taken");
            }
            return RunLock.NONE;
        }
        return options.consul().<RunLock>map(c -> new ConsulLock(c, options.lock().get(), environment.pid()))
                .orElseGet(() -> new FileLock(Path.of(options.lock().get()), environment.pid()));
    }

    private static String resolver(Path file) {
        List<String> problems = IgluLint.resolver(file);
        if (!problems.isEmpty()) {
            throw new ConfigException(file.toString(), problems.stream()
                    .map(p -> new dev.tributary.trigger.config.ConfigProblem("(resolver)", "a valid Iglu resolver "
                            + "config", p)).toList());
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), new dev.tributary.trigger.config.ConfigProblem("(file)",
                    "a readable file", e.getMessage()));
        }
    }
}
