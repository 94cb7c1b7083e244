package dev.tributary.trigger.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.trigger.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local runner's classpath options: @FILE expansion, and every problem named by its option. */
class LocalJobSettingsTest {

    @TempDir
    Path dir;

    LocalJobSettings settings(Optional<Path> jar, Optional<String> classpath) {
        return new LocalJobSettings(jar, classpath, jar, classpath, Map.of());
    }

    @Test
    void theJarComesFirstAndAtFileEntriesAreReplacedByTheFilesClasspath() throws Exception {
        Path jar = Files.writeString(dir.resolve("shredder-spark.jar"), "");
        Path cpFile = Files.writeString(dir.resolve("local-classpath.txt"), "/m2/spark-core.jar:/m2/hadoop-aws.jar\n");

        String cp = settings(Optional.of(jar), Optional.of("@" + cpFile + ":/lib/*")).shredderFullClasspath();

        assertThat(cp).isEqualTo(jar + ":/m2/spark-core.jar:/m2/hadoop-aws.jar:/lib/*");
    }

    @Test
    void aMissingJarOrClasspathFileIsNamedByItsOption() throws Exception {
        assertThatThrownBy(() -> settings(Optional.empty(), Optional.empty()).shredderFullClasspath())
                .isInstanceOf(ConfigException.class).hasMessageContaining("--shredder-jar");
        assertThatThrownBy(() -> settings(Optional.of(dir.resolve("nope.jar")), Optional.empty()).loaderFullClasspath())
                .isInstanceOf(ConfigException.class).hasMessageContaining("--loader-jar")
                .hasMessageContaining("nope.jar");
        Path jar = Files.writeString(dir.resolve("loader.jar"), "");
        assertThatThrownBy(() -> settings(Optional.of(jar), Optional.of("@" + dir.resolve("missing.txt")))
                .shredderFullClasspath())
                .isInstanceOf(ConfigException.class).hasMessageContaining("--shredder-classpath")
                .hasMessageContaining("missing.txt");
    }

    @Test
    void theChildrenGetTheTriggersLoggingSettingsAsSystemProperties() {
        Map<String, String> env = Map.of("TRIBUTARY_LOG_FORMAT", "JSON", "TRIBUTARY_LOG_LEVEL_LIBRARIES", "error",
                "TRIBUTARY_LOG_LEVEL", " ");

        assertThat(LocalJobSettings.childLoggingOptions(env::get))
                .containsExactly("-DTRIBUTARY_LOG_FORMAT=json", "-DTRIBUTARY_LOG_LEVEL_LIBRARIES=error");
        assertThat(LocalJobSettings.childLoggingOptions(name -> null)).isEmpty();
    }
}
