package dev.tributary.schemas.shredding;

import dev.tributary.schemas.iglu.DirectoryRepository;
import dev.tributary.schemas.iglu.JsonSchemaCompiler;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.SchemaKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModelSchemasTest {

    @TempDir
    Path repo;

    private void write(String version, String extraProperties) throws IOException {
        Path file = repo.resolve("schemas/com.acme/thing/jsonschema/" + version);
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"$schema":"%s","self":{"vendor":"com.acme","name":"thing","format":"jsonschema","version":"%s"},
                 "type":"object","properties":{"id":{"type":"string"}%s},"required":["id"]}"""
                .formatted(JsonSchemaCompiler.IGLU_META_SCHEMA, version, extraProperties));
    }

    private Resolver resolver() {
        return new Resolver(List.of(new DirectoryRepository("local", 0, List.of(), repo)), 100, Duration.ofMinutes(5));
    }

    @Test
    void findsEveryEarlierVersionOfTheModelAndFlattensThemInOrder() throws IOException {
        write("1-0-0", "");
        write("1-0-1", ",\"zeta\":{\"type\":\"string\"}");
        write("1-1-0", ",\"zeta\":{\"type\":\"string\"},\"alpha\":{\"type\":\"integer\"}");
        write("1-1-1", ",\"zeta\":{\"type\":\"string\"},\"alpha\":{\"type\":\"integer\"},\"beta\":{}");

        ModelSchemas.Lookup lookup = ModelSchemas.lookup(resolver(),
                SchemaKey.parse("iglu:com.acme/thing/jsonschema/1-1-0"));

        assertThat(lookup).isInstanceOf(ModelSchemas.Found.class);
        ModelSchemas.Found found = (ModelSchemas.Found) lookup;
        assertThat(found.versions()).extracting(k -> k.version().toString()).containsExactly("1-0-0", "1-0-1", "1-1-0");
        assertThat(found.flat().columns()).extracting(FlatColumn::name).containsExactly("id", "zeta", "alpha");
    }

    @Test
    void anUnknownTargetIsNotFoundWithTheResolversExplanation() {
        ModelSchemas.Lookup lookup = ModelSchemas.lookup(resolver(),
                SchemaKey.parse("iglu:com.acme/missing/jsonschema/1-0-0"));

        assertThat(lookup).isInstanceOf(ModelSchemas.NotFound.class);
        assertThat(((ModelSchemas.NotFound) lookup).error().message()).contains("com.acme/missing", "local");
    }
}
