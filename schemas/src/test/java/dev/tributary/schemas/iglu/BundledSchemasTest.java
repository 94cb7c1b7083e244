package dev.tributary.schemas.iglu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every schema shipped under /iglu is well-formed, sits at the path its self block names, and compiles. */
class BundledSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String META_SCHEMA_PATH = "com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0";

    static Stream<String> bundledSchemaPaths() throws IOException, URISyntaxException {
        Path root = Path.of(BundledSchemasTest.class.getResource("/iglu/schemas").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            List<String> paths = files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
            assertThat(paths).hasSizeGreaterThanOrEqualTo(23);
            return paths.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("bundledSchemaPaths")
    void selfMatchesPathAndTheSchemaCompiles(String path) throws IOException {
        JsonNode schema = JSON.readTree(getClass().getResource("/iglu/schemas/" + path));
        SchemaKey key = SchemaKey.fromPath(path);

        assertThat(Resolver.selfMismatch(key, schema)).isNull();
        assertThat(schema.path("description").asText()).isNotBlank();
        if (!path.equals(META_SCHEMA_PATH)) {
            assertThat(schema.path("$schema").asText()).isEqualTo(JsonSchemaCompiler.IGLU_META_SCHEMA);
            assertThat(new JsonSchemaCompiler().compile(schema)).isNotNull();
        }
        assertThat(Resolver.bundled().lookupSchema(key)).isInstanceOf(Resolution.Resolved.class);
    }
}
