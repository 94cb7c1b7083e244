package dev.tributary.localstack.compose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the checks read from one of our Dockerfiles: the main class of its exec-form {@code ENTRYPOINT
 * ["java", "-cp", CLASSPATH, MAIN, ...]} and the variables its {@code ENV} instructions set ({@code NAME=value} form).
 */
public record Dockerfile(Path path, Optional<String> mainClass, Map<String, String> environment) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Dockerfile read(Path path) {
        try {
            return parse(path, Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Dockerfile parse(Path path, String text) {
        Optional<String> main = Optional.empty();
        Map<String, String> env = new LinkedHashMap<>();
        for (String instruction : instructions(text)) {
            String[] parts = instruction.split("\\s+", 2);
            String keyword = parts[0].toUpperCase(java.util.Locale.ROOT);
            String args = parts.length > 1 ? parts[1].strip() : "";
            if (keyword.equals("ENTRYPOINT")) {
                main = mainClass(args); // the last ENTRYPOINT counts, as in Docker
            } else if (keyword.equals("ENV")) {
                for (String assignment : args.split("\\s+")) {
                    int eq = assignment.indexOf('=');
                    if (eq > 0) {
                        env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
                    }
                }
            }
        }
        return new Dockerfile(path, main, env);
    }

    /** Instructions with comments dropped and backslash continuations joined. */
    private static List<String> instructions(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("#")) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                current.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            current.append(stripped);
            if (!current.toString().isBlank()) {
                out.add(current.toString().strip());
            }
            current.setLength(0);
        }
        return out;
    }

    private static Optional<String> mainClass(String execForm) {
        List<String> argv;
        try {
            argv = List.of(JSON.readValue(execForm, String[].class));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // shell form: not ours
        }
        for (int i = 1; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg.equals("-cp") || arg.equals("-classpath") || arg.equals("--class-path")) {
                i++;
            } else if (!arg.startsWith("-")) {
                return Optional.of(arg);
            }
        }
        return Optional.empty();
    }
}
