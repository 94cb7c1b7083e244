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

    /** The runtime's logging variables; a child gets the trigger's values (environment or system property). */
    static final List<String> LOG_SETTINGS = List.of("TRIBUTARY_LOG_FORMAT", "TRIBUTARY_LOG_LEVEL",
            "TRIBUTARY_LOG_LEVEL_LIBRARIES");

    /**
     * The children log like the trigger: service-runtime's layout on stderr, libraries at WARN, so a run's output
     * is the trigger's progress plus the children's own messages, without Spark's INFO lines. The shredder runs on
     * Spark's log4j2 binding and gets its {@code tributary-shredder-log4j2.xml} (in its application jar), which
     * reads the settings as system properties ({@link #SHREDDER_LOGGING}); the loader's logback (the runtime's
     * configuration) reads system properties before the environment. So each setting in force here is passed as
     * {@code -DNAME=value}.
     *
     * @param env this process's environment
     */
    public static List<String> childLoggingOptions(java.util.function.UnaryOperator<String> env) {
        List<String> options = new ArrayList<>();
        for (String name : LOG_SETTINGS) {
            String value = System.getProperty(name, env.apply(name));
            if (value != null && !value.isBlank()) {
                options.add("-D" + name + "=" + value.trim().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return options;
    }

    /** The shredder's log4j2 configuration for local runs, a resource of its application jar. */
    public static final String SHREDDER_LOGGING = "-Dlog4j2.configurationFile=tributary-shredder-log4j2.xml";

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
