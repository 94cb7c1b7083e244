package dev.tributary.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.enrich.config.EnrichConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamEnrichMainTest {

    @TempDir
    Path dir;

    @Test
    void flagsOverrideTheConfigFile() throws Exception {
        Path config = dir.resolve("enrich.conf");
        Files.writeString(config, "enrich.input.topic = \"collector-raw\"\n");
        Path enrichments = Files.createDirectories(dir.resolve("enrichments"));
        Path resolver = Files.writeString(dir.resolve("resolver.json"), "{}");

        var parsed = StreamEnrichMain.parse(new String[] {"--config", config.toString(),
                "--enrichments", enrichments.toString(), "--resolver", resolver.toString()});

        assertThat(parsed.topics().raw()).isEqualTo("collector-raw");
        assertThat(parsed.enrichments()).contains(enrichments);
        assertThat(parsed.resolver()).contains(resolver);
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> StreamEnrichMain.parse(new String[] {"--verbose", "x"}))
                .hasMessageContaining("--verbose");
        assertThatThrownBy(() -> StreamEnrichMain.parse(new String[] {"--config"}))
                .hasMessageContaining("--config needs a value");
        assertThatThrownBy(() -> StreamEnrichMain.parse(new String[] {"--config", dir.resolve("nope.conf").toString()}))
                .isInstanceOf(EnrichConfigException.class).hasMessageContaining("nope.conf");
    }
}
