package dev.tributary.trigger.cli;

import dev.tributary.trigger.config.ConfigException;
import dev.tributary.trigger.config.ConfigProblem;
import dev.tributary.trigger.config.ConfigReader;
import dev.tributary.trigger.config.IgluLint;
import dev.tributary.trigger.config.TargetsReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code lint config|resolver|enrichments|targets}: exit 0 and "OK", or exit 1 and one line per problem. */
@Command(name = "lint", mixinStandardHelpOptions = true, description = "Check configuration files.",
        subcommands = {LintCommand.Config.class, LintCommand.Resolver.class, LintCommand.Enrichments.class,
            LintCommand.Targets.class})
public final class LintCommand implements Runnable {

    @ParentCommand
    TriggerCli parent;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(parent.environment.err());
    }

    static int report(CliEnvironment environment, String what, List<String> problems) {
        if (problems.isEmpty()) {
            environment.out().println(what + ": OK");
            return 0;
        }
        problems.forEach(environment.err()::println);
        return 1;
    }

    static List<String> messages(ConfigException e) {
        return e.problems().stream().map(ConfigProblem::message).toList();
    }

    @Command(name = "config", mixinStandardHelpOptions = true, description = "Check config.yml: every wrong value "
            + "is reported by key path.")
    static final class Config implements Callable<Integer> {
        @ParentCommand
        LintCommand lint;

        @Option(names = {"-c", "--config"}, required = true)
        Path config;

        @Override
        public Integer call() {
            CliEnvironment env = lint.parent.environment;
            List<String> problems = new ArrayList<>();
            try {
                new ConfigReader(env.env(), env.out()::println).read(config);
            } catch (ConfigException e) {
                problems.addAll(messages(e));
            }
            return report(env, config.toString(), problems);
        }
    }

    @Command(name = "resolver", mixinStandardHelpOptions = true, description = "Check the Iglu resolver config.")
    static final class Resolver implements Callable<Integer> {
        @ParentCommand
        LintCommand lint;

        @Option(names = {"-r", "--resolver"}, required = true)
        Path resolver;

        @Override
        public Integer call() {
            return report(lint.parent.environment, resolver.toString(), IgluLint.resolver(resolver));
        }
    }

    @Command(name = "enrichments", mixinStandardHelpOptions = true,
            description = "Check every enrichment JSON against its schema.")
    static final class Enrichments implements Callable<Integer> {
        @ParentCommand
        LintCommand lint;

        @Option(names = {"-r", "--resolver"}, required = true)
        Path resolver;

        @Option(names = {"-n", "--enrichments"}, required = true)
        Path enrichments;

        @Override
        public Integer call() {
            return report(lint.parent.environment, enrichments.toString(),
                    IgluLint.enrichments(resolver, enrichments));
        }
    }

    @Command(name = "targets", mixinStandardHelpOptions = true,
            description = "Check the storage target JSONs as far as the trigger reads them (ids unique).")
    static final class Targets implements Callable<Integer> {
        @ParentCommand
        LintCommand lint;

        @Option(names = {"-t", "--targets"}, required = true)
        Path targets;

        @Override
        public Integer call() {
            List<String> problems = new ArrayList<>();
            try {
                new TargetsReader().read(targets);
            } catch (ConfigException e) {
                problems.addAll(messages(e));
            }
            return report(lint.parent.environment, targets.toString(), problems);
        }
    }
}
