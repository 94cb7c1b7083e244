package dev.tributary.trigger.local;

import dev.tributary.trigger.config.ConfigException;
import dev.tributary.trigger.config.ConfigProblem;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the local runner starts the shredder and the loader: each one's application jar, the classpath around it, and
 * the environment added for the child JVMs.
 *
 * <p>A classpath option is a list separated by {@code :}; an entry {@code @FILE} stands for the classpath written in
 * that file (what {@code mvn dependency:build-classpath} writes: {@code shredder/target/local-classpath.txt}), and
 * {@code dir/*} is Java's own wildcard. The shredder needs Spark, Hadoop and hadoop-aws there (spark-submit's part
 * on EMR); the loader its runtime dependencies. The trigger itself links neither.
 */
public record LocalJobSettings(Optional<Path> shredderJar, Optional<String> shredderClasspath, Optional<Path> loaderJar,
                        Optional<String> loaderClasspath, Map<String, String> childEnvironment) {

    /**
     * What Spark 3.5 needs on JDK 17 (its launcher adds the same list), no web UI, and the driver's ports on
     * loopback only (by default Spark binds the host's address).
     */
    public static final List<String> SPARK_JVM_OPTIONS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dspark.ui.enabled=false", "-Dspark.driver.bindAddress=127.0.0.1", "-Dspark.driver.host=127.0.0.1");

    public LocalJobSettings {
        childEnvironment = Map.copyOf(childEnvironment);
    }

    /** The shredder's jar and classpath; the option missing or a file not found is named. */
    public String shredderFullClasspath() {
        return fullClasspath("--shredder-jar", shredderJar, "--shredder-classpath", shredderClasspath);
    }

    public String loaderFullClasspath() {
        return fullClasspath("--loader-jar", loaderJar, "--loader-classpath", loaderClasspath);
    }

    static String fullClasspath(String jarOption, Optional<Path> jar, String cpOption, Optional<String> classpath) {
        Path j = jar.orElseThrow(() -> problem(jarOption, "a jar (the local runner needs it)", "nothing"));
        if (!Files.isRegularFile(j)) {
            throw problem(jarOption, "an existing jar", j.toString());
        }
        List<String> entries = new ArrayList<>(List.of(j.toString()));
        for (String entry : classpath.orElse("").split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            if (entry.startsWith("@")) {
                Path file = Path.of(entry.substring(1));
                try {
                    entries.add(Files.readString(file).strip());
                } catch (IOException e) {
                    throw problem(cpOption, "@FILE naming a readable classpath file", file.toString());
                }
            } else {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static ConfigException problem(String option, String expected, String got) {
        return new ConfigException("(command line)", new ConfigProblem(option, expected, got));
    }
}
