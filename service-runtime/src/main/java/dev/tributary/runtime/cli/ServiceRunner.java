package dev.tributary.runtime.cli;

import dev.tributary.runtime.Version;
import dev.tributary.runtime.config.ConfigError;
import dev.tributary.runtime.config.ConfigLoader;
import dev.tributary.runtime.config.LoadedConfig;
import dev.tributary.runtime.config.TypedConfig;
import dev.tributary.runtime.config.UnknownKey;
import dev.tributary.runtime.logging.Logging;
import dev.tributary.runtime.monitoring.HealthRegistry;
import dev.tributary.runtime.monitoring.MonitoringEndpoints;
import dev.tributary.runtime.monitoring.MonitoringServer;
import dev.tributary.runtime.monitoring.MonitoringSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Runs one service from its {@code main}: parses the command line (picocli), loads and validates the config,
 * starts the monitoring server and the service, waits, and turns every outcome into one of the
 * {@link ExitCodes}. The same options in every service:
 * <pre>
 *   -c, --config FILE   HOCON over reference.conf (environment variables and flags win over it)
 *       --print-config  print the effective config below the service's root, secrets masked, and exit 0
 *       --strict-config unknown keys are an error (exit 2) instead of a warning
 *   -h, --help          usage, exit 0
 *   -V, --version       "name version" from the jar manifest, exit 0
 * </pre>
 * SIGTERM and SIGINT call {@link Service#close}; once the service has stopped cleanly the process exits 0.
 * A second signal during shutdown exits 1 at once.
 *
 * <p>{@link #run} does all of it without touching the process (no exit, no signal handlers, no logging setup), so
 * tests drive the runner in-process and stop it with {@link #requestStop}.
 */
public final class ServiceRunner<C> {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    private final ServiceDefinition<C> definition;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final String version;
    private final CountDownLatch running = new CountDownLatch(1);
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final Object lifecycle = new Object();
    private boolean stopping; // guarded by lifecycle
    private volatile Service service;
    private volatile MonitoringServer monitoringServer;
    private volatile Runnable onSecondStop = () -> { };

    public ServiceRunner(ServiceDefinition<C> definition, Map<String, String> environment, PrintStream out,
                         PrintStream err) {
        this.definition = definition;
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
        this.version = Version.of(definition.versionAnchor());
    }

    /**
     * The whole process: logging from {@code tributary-logback.xml}, signal handlers, {@link #run}, exit with its
     * code. Call it as the only statement of a service's {@code main}.
     */
    public static void main(ServiceDefinition<?> definition, String[] args) {
        Logging.install();
        ServiceRunner<?> runner = new ServiceRunner<>(definition, System.getenv(), System.out, System.err);
        runner.onSecondStop = () -> {
            System.err.println(definition.name() + ": second stop signal during shutdown, exiting now");
            Runtime.getRuntime().halt(ExitCodes.RUNTIME_FAILURE);
        };
        runner.installSignalHandlers();
        System.exit(runner.run(args));
    }

    /** Parses, loads, starts and waits; returns the exit code. Never calls {@link System#exit}. */
    public int run(String[] args) {
        CommandLine commandLine = new CommandLine(commandSpec());
        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println(definition.name() + ": " + e.getMessage());
            err.println("Try '" + definition.name() + " --help' for the options.");
            return ExitCodes.CONFIG_ERROR;
        }
        if (parsed.isUsageHelpRequested()) {
            commandLine.usage(out);
            return ExitCodes.OK;
        }
        if (parsed.isVersionHelpRequested()) {
            commandLine.printVersionHelp(out);
            return ExitCodes.OK;
        }

        LoadedConfig loaded;
        C config;
        MonitoringSettings monitoring;
        try {
            loaded = load(parsed);
            if (!reportUnknownKeys(loaded, parsed.hasMatchedOption("--strict-config"))) {
                return ExitCodes.CONFIG_ERROR;
            }
            if (parsed.hasMatchedOption("--print-config")) {
                out.print(loaded.render());
                out.println();
                return ExitCodes.OK;
            }
            TypedConfig root = loaded.typed();
            config = definition.binder().bind(root);
            monitoring = definition.monitoring() ? MonitoringSettings.read(root.at("monitoring"))
                    : new MonitoringSettings(false, MonitoringSettings.DEFAULT_HOST, 0);
        } catch (ConfigError e) {
            return configError(e);
        }
        return start(loaded, config, monitoring);
    }

    private int start(LoadedConfig loaded, C config, MonitoringSettings monitoring) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JvmGcMetrics gc = bindProcessMetrics(registry);
        HealthRegistry health = new HealthRegistry();
        MonitoringEndpoints endpoints = new MonitoringEndpoints(registry, health);
        ServiceContext context = new ServiceContext(definition.name(), version, loaded, registry, health, endpoints,
                out);
        try {
            // Start-up and a stop request are serialised: a SIGTERM during start-up waits for start() to return
            // and then closes, so a service is never started after it was closed.
            synchronized (lifecycle) {
                if (stopping) {
                    return ExitCodes.OK; // stopped before anything was built
                }
                service = definition.factory().create(config, context);
                if (monitoring.enabled()) {
                    monitoringServer = startMonitoring(monitoring, endpoints);
                }
                service.start();
            }
            LOG.atInfo().addKeyValue("service", definition.name()).addKeyValue("version", version)
                    .addKeyValue("monitoring", monitoringServer == null ? "off" : monitoringServer.url())
                    .log("started");
            running.countDown();
            service.awaitTermination();
            LOG.atInfo().addKeyValue("service", definition.name()).log("stopped");
            return ExitCodes.OK;
        } catch (ConfigError e) {
            return configError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.atError().addKeyValue("service", definition.name()).log("interrupted");
            return ExitCodes.RUNTIME_FAILURE;
        } catch (Exception e) {
            LOG.atError().addKeyValue("service", definition.name()).setCause(e).log("failed");
            err.println(definition.name() + ": failed: " + e.getMessage());
            return ExitCodes.RUNTIME_FAILURE;
        } finally {
            running.countDown();
            if (service != null) {
                service.close();
            }
            if (monitoringServer != null) {
                monitoringServer.close();
            }
            gc.close();
            registry.close();
        }
    }

    private MonitoringServer startMonitoring(MonitoringSettings settings, MonitoringEndpoints endpoints)
            throws IOException {
        try {
            return MonitoringServer.start(settings, endpoints);
        } catch (IOException e) {
            throw new IOException("cannot listen on " + settings.host() + ":" + settings.port() + " ("
                    + definition.configRoot() + ".monitoring.host/port): " + e.getMessage(), e);
        }
    }

    /** What SIGTERM does: an orderly stop of the running service (or of start-up, if it is still starting). */
    public void requestStop() {
        if (!stopRequested.compareAndSet(false, true)) {
            onSecondStop.run();
            return;
        }
        LOG.atInfo().addKeyValue("service", definition.name()).log("stop requested");
        Service s;
        synchronized (lifecycle) {
            stopping = true;
            s = service;
        }
        if (s != null) {
            s.close();
        }
    }

    /** Waits until the service has started (or start-up ended in failure). For tests and embedding. */
    public void awaitRunning() throws InterruptedException {
        running.await();
    }

    /** The monitoring server's port once started; for tests that run with {@code monitoring.port = 0}. */
    public Optional<Integer> monitoringPort() {
        MonitoringServer m = monitoringServer;
        return m == null ? Optional.empty() : Optional.of(m.port());
    }

    public String version() {
        return version;
    }

    private LoadedConfig load(ParseResult parsed) {
        Map<String, Object> flags = new LinkedHashMap<>();
        for (CliOption option : definition.options()) {
            if (parsed.hasMatchedOption(option.name())) {
                flags.put(option.configKey(), parsed.matchedOptionValue(option.name(), ""));
            }
        }
        Path file = parsed.matchedOptionValue("--config", null);
        return ConfigLoader.forService(definition.name(), definition.configRoot())
                .classLoader(definition.versionAnchor().getClassLoader())
                .file(file)
                .environment(environment)
                .overrides(flags)
                .secrets(definition.secrets())
                .openObjects(definition.openObjects())
                .load();
    }

    /** Warns about each unknown key; with {@code strict}, reports them as errors and returns false if there is any. */
    private boolean reportUnknownKeys(LoadedConfig loaded, boolean strict) {
        for (UnknownKey unknown : loaded.unknownKeys()) {
            if (strict) {
                err.println(definition.name() + ": configuration error: " + unknown.describe());
            } else {
                LOG.atWarn().addKeyValue("key", unknown.name()).addKeyValue("source", unknown.source())
                        .addKeyValue("suggestion", unknown.suggestion().orElse(""))
                        .log("unknown configuration key ignored");
            }
        }
        return !strict || loaded.unknownKeys().isEmpty();
    }

    private int configError(ConfigError e) {
        err.println(definition.name() + ": configuration error: " + e.getMessage());
        return ExitCodes.CONFIG_ERROR;
    }

    private CommandSpec commandSpec() {
        CommandSpec spec = CommandSpec.create()
                .name(definition.name())
                .version(definition.name() + " " + version)
                .mixinStandardHelpOptions(true);
        spec.usageMessage()
                .description(definition.description())
                .footerHeading("%nConfiguration:%n")
                .footer("  reference.conf < --config FILE < environment " + envPrefix() + "<KEY> < flags.",
                        "  Keys live under '" + definition.configRoot() + "'; see the module README.",
                        "",
                        "Exit codes: 0 clean stop, 1 runtime failure, 2 configuration or usage error.");
        spec.addOption(OptionSpec.builder("-c", "--config").paramLabel("FILE").type(Path.class)
                .description("HOCON file over reference.conf; environment variables and flags win over it.")
                .build());
        spec.addOption(OptionSpec.builder("--print-config").arity("0").type(boolean.class)
                .description("Print the effective configuration under '" + definition.configRoot()
                        + "', secrets masked, and exit.")
                .build());
        spec.addOption(OptionSpec.builder("--strict-config").arity("0").type(boolean.class)
                .description("Treat unknown keys as an error (exit 2) rather than a warning.")
                .build());
        for (CliOption option : definition.options()) {
            spec.addOption(OptionSpec.builder(option.name()).paramLabel(option.paramLabel()).type(String.class)
                    .description(option.description() + " (sets " + option.configKey() + ")")
                    .build());
        }
        return spec;
    }

    private String envPrefix() {
        return dev.tributary.runtime.config.EnvNames.prefix(definition.name());
    }

    private JvmGcMetrics bindProcessMetrics(PrometheusMeterRegistry registry) {
        // Build info as a constant gauge: version and service are fixed per process, a closed label set.
        Gauge.builder("tributary.build.info", () -> 1)
                .tags("service", definition.name(), "version", version)
                .description("Always 1; the labels say which service and version this process runs")
                .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        return gc;
    }

    private void installSignalHandlers() {
        StopSignals.install(definition.name(), this::requestStop, () -> {
            Service s = service;
            if (s != null) {
                s.close();
            }
        });
    }
}
