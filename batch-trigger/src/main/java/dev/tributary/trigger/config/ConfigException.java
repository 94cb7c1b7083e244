package dev.tributary.trigger.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in one file, so a single lint run lists them all instead of the first one only. */
public class ConfigException extends RuntimeException {

    private final List<ConfigProblem> problems;

    public ConfigException(String source, List<ConfigProblem> problems) {
        super(source + ":\n  " + problems.stream().map(ConfigProblem::message).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String source, ConfigProblem problem) {
        this(source, List.of(problem));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
