package dev.tributary.localstack.compose;

import dev.tributary.localstack.compose.ComposeFile.ComposeService;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks each service of a compose file that is built from one of our Dockerfiles: the Dockerfile's main class exists
 * and has {@code public static void main(String[])}, and every {@code TRIBUTARY_*} variable set for it (in the
 * compose file or by the Dockerfile's {@code ENV}) is one that program reads, with values its own validation
 * accepts. Images pulled from elsewhere (Kafka, MinIO, ...) are not ours to check.
 */
public final class ComposeEnvironmentCheck {

    static final String PREFIX = "TRIBUTARY_";

    /** One finding, naming the compose service. */
    public record Problem(String service, String message) {
        @Override
        public String toString() {
            return "service " + service + ": " + message;
        }
    }

    /** What was checked, so a test can tell a pass from a check that looked at nothing. */
    public record Checked(String service, String mainClass, Set<String> variables) {
    }

    public record Report(List<Problem> problems, List<Checked> checked) {
    }

    private ComposeEnvironmentCheck() {
    }

    public static Report check(ComposeFile compose) {
        List<Problem> problems = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        for (ComposeService service : compose.services().values()) {
            if (service.dockerfile().isEmpty()) {
                continue;
            }
            checkService(service, problems, checked);
        }
        return new Report(List.copyOf(problems), List.copyOf(checked));
    }

    private static void checkService(ComposeService service, List<Problem> problems, List<Checked> checked) {
        String name = service.name();
        var path = service.dockerfile().orElseThrow();
        if (!Files.isRegularFile(path)) {
            problems.add(new Problem(name, "build names " + path + ", which does not exist"));
            return;
        }
        Dockerfile dockerfile = Dockerfile.read(path);
        if (dockerfile.mainClass().isEmpty()) {
            problems.add(new Problem(name, path + ": no exec-form ENTRYPOINT [\"java\", \"-cp\", ..., MAIN] found"));
            return;
        }
        String mainName = dockerfile.mainClass().get();
        Optional<Class<?>> main = mainClass(mainName);
        if (main.isEmpty()) {
            problems.add(new Problem(name, path + ": main class " + mainName
                    + " does not exist (or has no public static void main(String[]))"));
            return;
        }
        ServiceVariables program;
        try {
            program = ServiceVariables.of(main.get());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(name, e.getMessage()));
            return;
        }
        Set<String> known = program.names();

        // The image's ENV first, the compose file's over it: the environment the program starts with.
        Map<String, String> environment = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        dockerfile.environment().forEach((k, v) -> {
            environment.put(k, v);
            origin.put(k, "ENV of " + path.getFileName() + " (" + path.getParent().getFileName() + ")");
        });
        service.environment().forEach((k, v) -> {
            environment.put(k, v);
            origin.put(k, "environment");
        });

        Map<String, String> ours = new LinkedHashMap<>();
        boolean namesOk = true;
        for (Map.Entry<String, String> e : environment.entrySet()) {
            String variable = e.getKey();
            if (!variable.startsWith(PREFIX)) {
                continue;
            }
            if (known.contains(variable)) {
                ours.put(variable, e.getValue());
                continue;
            }
            namesOk = false;
            problems.add(new Problem(name, variable + " (" + origin.get(variable) + ") is not read by "
                    + program.describe() + ", the program of " + mainName
                    + nearest(variable, known).map(n -> "; did you mean " + n + "?").orElse("")));
        }
        if (namesOk) {
            program.checkValues(ours).ifPresent(message -> problems.add(new Problem(name, message)));
        }
        checked.add(new Checked(name, mainName, Set.copyOf(ours.keySet())));
    }

    private static Optional<Class<?>> mainClass(String name) {
        try {
            Class<?> type = Class.forName(name, false, ComposeEnvironmentCheck.class.getClassLoader());
            Method main = type.getMethod("main", String[].class);
            int modifiers = main.getModifiers();
            return Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers) && main.getReturnType() == void.class
                    ? Optional.of(type) : Optional.empty();
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    /** The closest known name, if it is near enough to be a typo (a third of the name's length at most). */
    static Optional<String> nearest(String given, Set<String> candidates) {
        return candidates.stream()
                .map(c -> Map.entry(c, distance(given, c)))
                .filter(e -> e.getValue() <= Math.max(2, given.length() / 3))
                .min(Comparator.comparing(Map.Entry<String, Integer>::getValue).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
