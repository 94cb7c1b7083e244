package dev.tributary.trigger.local;

import dev.tributary.trigger.run.ExitCode;
import dev.tributary.trigger.run.RunFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a jar's main class in a child JVM with this process's environment (so the AWS SDK settings, endpoint
 * included, reach it) and its output passed through. The trigger links neither Spark nor JDBC drivers: each job
 * brings its own classpath. A non-zero exit fails the step.
 */
public final class ChildJvmJob implements ShredJob, LoadJob {

    private final String name;
    private final Path javaExecutable;
    private final String classpath;
    private final String mainClass;
    private final List<String> jvmOptions;

    public ChildJvmJob(String name, Path javaExecutable, String classpath, String mainClass, List<String> jvmOptions) {
        this.name = name;
        this.javaExecutable = javaExecutable;
        this.classpath = classpath;
        this.mainClass = mainClass;
        this.jvmOptions = List.copyOf(jvmOptions);
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
        run(request.args());
    }

    void run(List<String> args) throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).inheritIO().start();
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
}
