package dev.tributary.trigger.local;

import dev.tributary.trigger.run.ExitCode;
import dev.tributary.trigger.run.RunFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs a main class in a child JVM with this process's environment plus {@code environment} (the S3 endpoint, region
 * and configured keys, so the child reaches the same S3 as the trigger) and its output passed through. The trigger
 * links neither Spark nor JDBC drivers: each job brings its own classpath. A non-zero exit fails the step.
 *
 * <p>The loader's target JSON (which holds the warehouse password) and the resolver are handed over as files in a
 * temporary owner-only directory, deleted when the child ends, never on the command line where {@code ps} shows it.
 */
public final class ChildJvmJob implements ShredJob, LoadJob {

    private final String name;
    private final Path javaExecutable;
    private final String classpath;
    private final String mainClass;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;

    public ChildJvmJob(String name, Path javaExecutable, String classpath, String mainClass, List<String> jvmOptions) {
        this(name, javaExecutable, classpath, mainClass, jvmOptions, Map.of());
    }

    public ChildJvmJob(String name, Path javaExecutable, String classpath, String mainClass, List<String> jvmOptions,
                       Map<String, String> environment) {
        this.name = name;
        this.javaExecutable = javaExecutable;
        this.classpath = classpath;
        this.mainClass = mainClass;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.environment = Map.copyOf(environment);
    }

    /** The JVM running the trigger, so the child gets the same Java version. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    @Override
    public void shred(ShredRequest request) throws InterruptedException {
        run(request.args());
    }

    @Override
    public void load(LoadRequest request) throws InterruptedException {
        Path dir;
        try {
            dir = Files.createTempDirectory("tributary-load-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new RunFailure(ExitCode.FAILURE, name + ": cannot create a temporary directory", e);
        }
        try {
            Path target = write(dir.resolve("target.json"), request.targetJson());
            Path resolver = write(dir.resolve("resolver.json"), request.resolverJson());
            List<String> args = new ArrayList<>(List.of("--run", request.run(), "--target", target.toString(),
                    "--resolver", resolver.toString()));
            request.includes().forEach(i -> args.addAll(List.of("--include", i)));
            request.skips().forEach(s -> args.addAll(List.of("--skip", s)));
            run(args);
        } finally {
            delete(dir);
        }
    }

    void run(List<String> args) throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new RunFailure(ExitCode.FAILURE, name + ": cannot start " + javaExecutable, e);
        }
        try {
            int exit = process.waitFor();
            if (exit != 0) {
                throw new RunFailure(ExitCode.FAILURE, name + " (" + mainClass + ") exited with " + exit);
            }
        } catch (InterruptedException e) {
            // Our own interruption (Ctrl-C): take the child down with us rather than leave it writing.
            process.destroy();
            throw e;
        }
    }

    private Path write(Path file, String content) {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RunFailure(ExitCode.FAILURE, name + ": cannot write " + file.getFileName(), e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
