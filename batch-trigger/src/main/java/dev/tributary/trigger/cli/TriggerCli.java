package dev.tributary.trigger.cli;

import dev.tributary.runtime.Version;
import dev.tributary.runtime.logging.Logging;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code tributary-trigger}: EmrEtlRunner's command line ({@code run}, {@code lint ...}) plus {@code assets upload}.
 * Kept thin: options are parsed here, everything else is built by {@link RunWiring}.
 *
 * <p>Built from service-runtime's pieces (logging, {@link Version}, secret masking, the monitoring server) but not
 * run by its {@code ServiceRunner}: that runner drives one long-running service from a HOCON config with its own
 * options ({@code --config}, {@code --print-config}) and exit codes 0/1/2, while this is a one-shot command with
 * subcommands, EmrEtlRunner's {@code config.yml}, and EmrEtlRunner's exit codes, which schedulers branch on. So usage
 * and configuration errors exit 1, as EmrEtlRunner's ConfigError did, not the runtime's 2.
 */
@Command(name = TriggerCli.NAME, mixinStandardHelpOptions = true, versionProvider = TriggerCli.VersionProvider.class,
        description = "Runs the batch layer (EmrEtlRunner's Stream Enrich mode) on EMR or on this machine.",
        subcommands = {RunCommand.class, LintCommand.class, AssetsCommand.class})
public final class TriggerCli implements Runnable {

    public static final String NAME = "tributary-trigger";
    /** The trigger's version; Tributary's jars on EMR are looked up by the same version. */
    public static final String VERSION = Version.of(TriggerCli.class);

    final CliEnvironment environment;

    public TriggerCli(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(environment.err());
    }

    public static int execute(CliEnvironment environment, String... args) {
        CommandLine cli = new CommandLine(new TriggerCli(environment));
        cli.setOut(new java.io.PrintWriter(environment.out(), true));
        cli.setErr(new java.io.PrintWriter(environment.err(), true));
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return 1;
        });
        return cli.execute(args);
    }

    public static void main(String[] args) {
        // The runtime's layout on stderr (TRIBUTARY_LOG_FORMAT, TRIBUTARY_LOG_LEVEL, libraries at WARN), before the
        // first logger exists; stdout stays for progress lines and the JSON summary.
        Logging.install();
        System.exit(execute(CliEnvironment.system(), args));
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {NAME + " " + VERSION};
        }
    }
}
