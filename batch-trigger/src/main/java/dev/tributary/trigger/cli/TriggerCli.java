package dev.tributary.trigger.cli;

import dev.tributary.trigger.TriggerVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code tributary-trigger}: EmrEtlRunner's command line ({@code run}, {@code lint ...}) plus {@code assets upload}.
 * Kept thin: options are parsed here, everything else is built by {@link RunWiring}. Usage errors exit 1, as
 * EmrEtlRunner's ConfigError did.
 */
@Command(name = "tributary-trigger", mixinStandardHelpOptions = true, versionProvider = TriggerCli.Version.class,
        description = "Runs the batch layer (EmrEtlRunner's Stream Enrich mode) on EMR or on this machine.",
        subcommands = {RunCommand.class, LintCommand.class, AssetsCommand.class})
public final class TriggerCli implements Runnable {

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
        System.exit(execute(CliEnvironment.system(), args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tributary-trigger " + TriggerVersion.get()};
        }
    }
}
